"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { BrowseControl, hiddenNativeInputProps } from "@/components/upload/browse-control";
import { reportDetails } from "@/lib/reference/import/report-details";

interface Report {
  status: "SUCCEEDED" | "FAILED" | "RUNNING";
  fileName: string;
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number; [detail: string]: number };
  rejects: { line: number; reason: string }[];
  /** Lines imported with a remark (for instance an EG absent from FINESS counted for its EJ). */
  notices?: { line: number; reason: string }[];
  error?: string;
}

interface ServerProgress {
  status: "SUCCEEDED" | "FAILED" | "RUNNING";
  stage: "reading" | "writing" | null;
  bytes: number | null;
  read: number;
  rejected: number;
}

const numberFr = new Intl.NumberFormat("fr-FR");
const POLL_MS = 700;

/** Polls the import's progress on the server while it runs (the upload progress alone says nothing of the parsing). */
function useServerProgress(runId: string | null): ServerProgress | null {
  // Keyed by run, so that a new import never shows the last one's progress.
  const [progress, setProgress] = useState<{ runId: string; value: ServerProgress } | null>(null);
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/admin/imports/${runId}`, { cache: "no-store" });
        if (response.ok && !stopped) setProgress({ runId, value: (await response.json()) as ServerProgress });
      } catch {
        // The next poll retries; the final report comes from the upload's answer anyway.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId]);
  return progress && progress.runId === runId ? progress.value : null;
}

/** Uploads a reference file (streamed to the importer) with a progress bar, then shows its report. */
export function ImportForm({ kinds }: { kinds: { key: string; label: string }[] }) {
  const router = useRouter();
  const [kind, setKind] = useState(kinds[0]?.key ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<"idle" | "sending" | "importing">("idle");
  const [report, setReport] = useState<Report | null>(null);
  // A problem with the chosen file shows under the upload field; any other, in an alert.
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [fileSize, setFileSize] = useState(0);
  const server = useServerProgress(runId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(null);
    setReport(null);
    setError(null);
  }

  function send() {
    if (!file) {
      setFileError("Choisissez un fichier.");
      return;
    }
    if (file.size === 0) {
      setFileError("Le fichier est vide.");
      return;
    }
    setFileError(null);
    setError(null);
    setReport(null);
    setPhase("sending");
    setProgress(0);
    setFileSize(file.size);
    const id = crypto.randomUUID();
    setRunId(id);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/admin/imports?type=${encodeURIComponent(kind)}`);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("x-import-id", id);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => setPhase("importing");
    xhr.onload = () => {
      setPhase("idle");
      setRunId(null);
      try {
        const body = JSON.parse(xhr.responseText) as Report & { message?: string };
        if (body.message && !body.counts) setError(body.message);
        else setReport(body);
      } catch {
        setError(`L'import a échoué (erreur ${xhr.status}).`);
      }
      router.refresh();
    };
    xhr.onerror = () => {
      setPhase("idle");
      setRunId(null);
      setError("La connexion a été interrompue : rien n'a été importé.");
    };
    xhr.send(file);
  }

  const serverShare = server?.status === "RUNNING" && server.bytes !== null && fileSize > 0 ? Math.min(1, server.bytes / fileSize) : undefined;
  return (
    <form
      noValidate
      aria-labelledby="importer-titre"
      className={fr.cx("fr-mb-6w")}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <h2 id="importer-titre">Importer un fichier</h2>
      <Select
        label="Type de fichier"
        nativeSelectProps={{
          id: "type-import",
          value: kind,
          onChange: (event) => {
            setKind(event.target.value);
            setReport(null);
          },
        }}
      >
        {kinds.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </Select>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          choose(event.dataTransfer.files[0] ?? null);
        }}
      >
        <Upload
          label="Fichier (CSV, éventuellement compressé en .gz ; UTF-8 ou ISO-8859-1)"
          hint={<span id="fichier-import-aide">Le fichier est lu au fil de l&apos;envoi, sans limite de taille ; un fichier refusé ne modifie rien.</span>}
          state={fileError ? "error" : "default"}
          stateRelatedMessage={fileError}
          nativeInputProps={{
            id: "fichier-import",
            ref: inputRef,
            ...hiddenNativeInputProps,
            "aria-invalid": fileError ? true : undefined,
            "aria-describedby": fileError ? "fichier-import-desc-error" : undefined,
            onChange: (event) => choose(event.target.files?.[0] ?? null),
          }}
        />
        <BrowseControl onBrowse={() => inputRef.current?.click()} dragging={dragging} describedBy="fichier-import-aide" context="fichier à importer" />
        <p className={fr.cx("fr-text--sm", "fr-mt-1w")} aria-live="polite">
          {file ? `Fichier choisi : ${file.name}` : "Aucun fichier choisi."}
        </p>
      </div>
      <Button type="submit" disabled={phase !== "idle"} className={fr.cx("fr-mt-3w")}>
        Importer
      </Button>
      <div aria-live="polite" className={fr.cx("fr-mt-3w")}>
        {phase !== "idle" && progress !== null && (
          <>
            <p className="flex flex-wrap items-center gap-4">
              <label htmlFor="progression-envoi">Envoi du fichier</label>
              <progress id="progression-envoi" max={1} value={progress} />
              <span>{phase === "sending" ? `${Math.round(progress * 100)} %` : "Fichier envoyé."}</span>
            </p>
            {server?.status === "RUNNING" && (
              <p className="flex flex-wrap items-center gap-4" data-testid="progression-import">
                <label htmlFor="progression-serveur">Import sur le serveur</label>
                <progress id="progression-serveur" max={1} value={serverShare} />
                <span>
                  {server.stage === "writing"
                    ? `Fichier lu (${numberFr.format(server.read)} lignes) : enregistrement en base…`
                    : `${numberFr.format(server.read)} lignes traitées${server.rejected > 0 ? `, dont ${numberFr.format(server.rejected)} rejetées` : ""}`}
                </span>
              </p>
            )}
            {phase === "importing" && server?.status !== "RUNNING" && <p>Import en cours…</p>}
          </>
        )}
      </div>
      {error && <Alert className={fr.cx("fr-mt-2w")} severity="error" as="h2" title="L'import n'a pas eu lieu" description={error} />}
      {report && (
        <div data-testid="rapport-import" className={fr.cx("fr-mt-2w")}>
          <Alert
            severity={report.status === "SUCCEEDED" ? "success" : "error"}
            as="h2"
            title={`${report.status === "SUCCEEDED" ? "Import réussi" : "Import refusé : rien n'a été modifié"} — ${report.fileName}`}
            description={
              <>
                {report.error && <p>{report.error}</p>}
                <p>
                  Lignes lues : {numberFr.format(report.counts.read)} — créées : {numberFr.format(report.counts.created)}, modifiées : {numberFr.format(report.counts.updated)}, inchangées :{" "}
                  {numberFr.format(report.counts.unchanged)}, rejetées : {numberFr.format(report.counts.rejected)}
                </p>
                {reportDetails(report.counts).length > 0 && (
                  <ul>
                    {reportDetails(report.counts).map((detail) => (
                      <li key={detail.key}>
                        {detail.label.charAt(0).toUpperCase() + detail.label.slice(1)} : {numberFr.format(detail.value)}
                      </li>
                    ))}
                  </ul>
                )}
                {report.notices && report.notices.length > 0 && (
                  <>
                    <p className={fr.cx("fr-mb-0")}>
                      {report.notices.length > 20 ? `Les 20 premières lignes importées avec une remarque :` : "Lignes importées avec une remarque :"}
                    </p>
                    <ul>
                      {report.notices.slice(0, 20).map((notice) => (
                        <li key={notice.line}>
                          Ligne {notice.line} : {notice.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {report.rejects.length > 0 && (
                  <>
                    <p className={fr.cx("fr-mb-0")}>
                      {report.counts.rejected > Math.min(report.rejects.length, 20)
                        ? `Les ${Math.min(report.rejects.length, 20)} premières lignes rejetées (sur ${numberFr.format(report.counts.rejected)}) :`
                        : "Lignes rejetées :"}
                    </p>
                    <ul>
                      {report.rejects.slice(0, 20).map((reject) => (
                        <li key={reject.line}>
                          Ligne {reject.line} : {reject.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            }
          />
        </div>
      )}
    </form>
  );
}
