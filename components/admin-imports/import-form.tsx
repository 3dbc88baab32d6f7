"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { reportDetails } from "@/lib/reference/import/report-details";

interface Report {
  status: "SUCCEEDED" | "FAILED" | "RUNNING";
  fileName: string;
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number; [detail: string]: number };
  rejects: { line: number; reason: string }[];
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
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<"idle" | "sending" | "importing">("idle");
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [fileSize, setFileSize] = useState(0);
  const server = useServerProgress(runId);

  function send() {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError("Choisissez un fichier.");
      return;
    }
    if (file.size === 0) {
      setError("Le fichier est vide.");
      return;
    }
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

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div>
        <label htmlFor="type-import" className="block font-semibold">
          Type de fichier
        </label>
        <select id="type-import" value={kind} onChange={(event) => setKind(event.target.value)} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
          {kinds.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="fichier-import" className="block font-semibold">
          Fichier (CSV, éventuellement compressé en .gz ; UTF-8 ou ISO-8859-1)
        </label>
        <input id="fichier-import" ref={fileInput} type="file" className="mt-1 block border border-gris-bordure bg-fond-alt p-2" />
      </div>
      <button type="submit" disabled={phase !== "idle"} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
        Importer
      </button>
      <div aria-live="polite">
        {phase !== "idle" && progress !== null && (
          <div className="space-y-1">
            <p className="flex items-center gap-3">
              <progress max={1} value={progress} aria-label="Progression de l'envoi du fichier" />
              {phase === "sending" ? `Envoi : ${Math.round(progress * 100)} %` : "Fichier envoyé."}
            </p>
            {server?.status === "RUNNING" && (
              <p className="flex items-center gap-3" data-testid="progression-import">
                <progress max={1} value={server.bytes !== null && fileSize > 0 ? Math.min(1, server.bytes / fileSize) : undefined} aria-label="Progression de l'import sur le serveur" />
                {server.stage === "writing"
                  ? `Fichier lu (${numberFr.format(server.read)} lignes) : enregistrement en base…`
                  : `Import : ${numberFr.format(server.read)} lignes traitées${server.rejected > 0 ? `, dont ${numberFr.format(server.rejected)} rejetées` : ""}`}
              </p>
            )}
            {phase === "importing" && server?.status !== "RUNNING" && <p>Import en cours…</p>}
          </div>
        )}
        {error && (
          <p role="alert" className="font-semibold text-erreur">
            {error}
          </p>
        )}
        {report && (
          <div className={`border-l-4 p-3 ${report.status === "SUCCEEDED" ? "border-succes" : "border-erreur"}`} data-testid="rapport-import">
            <p className="font-semibold">
              {report.status === "SUCCEEDED" ? "Import réussi" : "Import refusé : rien n'a été modifié"} — {report.fileName}
            </p>
            {report.error && <p className="text-erreur">{report.error}</p>}
            <p>
              Lignes lues : {numberFr.format(report.counts.read)} — créées : {numberFr.format(report.counts.created)}, modifiées : {numberFr.format(report.counts.updated)}, inchangées :{" "}
              {numberFr.format(report.counts.unchanged)}, rejetées : {numberFr.format(report.counts.rejected)}
            </p>
            {reportDetails(report.counts).length > 0 && (
              <ul className="text-sm">
                {reportDetails(report.counts).map((detail) => (
                  <li key={detail.key}>
                    {detail.label.charAt(0).toUpperCase() + detail.label.slice(1)} : {numberFr.format(detail.value)}
                  </li>
                ))}
              </ul>
            )}
            {report.rejects.length > 0 && (
              <ul className="list-disc pl-6 text-sm">
                {report.rejects.slice(0, 20).map((reject) => (
                  <li key={reject.line}>
                    Ligne {reject.line} : {reject.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
