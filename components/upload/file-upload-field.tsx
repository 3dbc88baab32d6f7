"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { BrowseControl, hiddenNativeInputProps } from "./browse-control";
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from "react";
import { checkDeclaredFile, formatFileSize, acceptAttribute, purposeHint, uploadPurposeRule, type UploadPurpose } from "@/lib/storage/sniff-type";

/** What POST /api/fichiers answers for a stored file. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
}

interface FileUploadFieldProps {
  purpose: UploadPurpose;
  /** The visible label ("Déposer un fichier"). */
  label: string;
  /** What the field is for ("Note de cadrage"), read after the label and the button by screen readers. */
  context?: string;
  multiple?: boolean;
  /** Defaults to the purpose's count (20 for a note de cadrage), 1 when not `multiple`. */
  maxFiles?: number;
  /** Files already in the slot (attached by the parent), counted against `maxFiles`. */
  existingCount?: number;
  /** Replaces the purpose's standard hint ("Taille < 100 Mo. Les formats autorisés sont : …"). */
  hint?: string;
  /** Files uploaded earlier and not attached yet (e.g. after a failed form submission). */
  initialFiles?: UploadedFile[];
  onUploaded?: (file: UploadedFile) => void;
  /** The parent decides what removing a not-yet-attached file means (forget it, delete it…). */
  onRemove?: (file: UploadedFile) => void;
  /**
   * List the files uploaded through this field (default). A parent that
   * attaches each file at once and lists the attached documents itself passes
   * false, so that a file is not shown twice.
   */
  showUploadedFiles?: boolean;
  disabled?: boolean;
  endpoint?: string;
}

interface Transfer {
  localId: number;
  name: string;
  loaded: number;
  total: number;
  started: boolean;
}

const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/**
 * DSFR's upload field (label, hint, error state) with a French control — « Glissez-déposez vos
 * fichiers ici ou Parcourir », as on Convergence (source 003) — instead of the browser's own
 * button text. Each chosen or dropped file is sent at once to /api/fichiers (one request per
 * file, raw bytes, one at a time), with a progress bar per file. Size and extension are checked
 * here first for a quick answer; the server checks again, and sniffs the content.
 *
 * The native input stays in the page, labelled (the label opens it, screen readers reach it),
 * but out of the tab order and visually hidden: the « Parcourir » button is the control a
 * keyboard user reaches, with DSFR's focus ring.
 */
export function FileUploadField({
  purpose,
  label,
  context,
  multiple = false,
  maxFiles,
  existingCount = 0,
  hint,
  initialFiles = [],
  onUploaded,
  onRemove,
  showUploadedFiles = true,
  disabled = false,
  endpoint = "/api/fichiers",
}: FileUploadFieldProps) {
  const inputId = useId();
  const hintText = hint ?? purposeHint(purpose, maxFiles ?? (multiple ? uploadPurposeRule(purpose).maxFiles : 1));
  const limit = maxFiles ?? (multiple ? uploadPurposeRule(purpose).maxFiles : 1);

  const [files, setFiles] = useState<UploadedFile[]>(initialFiles);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const [dragging, setDragging] = useState(false);

  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const nextLocalId = useRef(1);
  const queue = useRef<{ localId: number; file: File }[]>([]);
  const running = useRef(false);
  const current = useRef<{ localId: number; xhr: XMLHttpRequest } | null>(null);
  const counts = useRef({ files: initialFiles.length + existingCount, pending: 0 });
  useEffect(() => {
    counts.current.files = (showUploadedFiles ? files.length : 0) + existingCount;
  }, [files, existingCount, showUploadedFiles]);

  // An unmounted field must not keep sending.
  useEffect(
    () => () => {
      queue.current = [];
      current.current?.xhr.abort();
    },
    [],
  );

  const send = useCallback(
    (localId: number, file: File) =>
      new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        current.current = { localId, xhr };
        const update = (change: Partial<Transfer>) =>
          setTransfers((list) => list.map((transfer) => (transfer.localId === localId ? { ...transfer, ...change } : transfer)));
        const finish = (error?: string) => {
          current.current = null;
          setTransfers((list) => list.filter((transfer) => transfer.localId !== localId));
          if (error) setErrors((list) => [...list, error]);
          resolve();
        };

        update({ started: true });
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) update({ loaded: event.loaded, total: event.total });
        };
        xhr.onload = () => {
          const body = parseJson(xhr.responseText);
          if (xhr.status === 201 && isUploadedFile(body)) {
            if (showUploadedFiles) setFiles((list) => [...list, body]);
            setStatus(`Fichier « ${body.name} » envoyé (${formatFileSize(body.size)}).`);
            onUploaded?.(body);
            finish();
            return;
          }
          const message = body && typeof body === "object" && "message" in body && typeof body.message === "string" ? body.message : null;
          finish(message ?? `Le dépôt de « ${file.name} » a échoué (erreur ${xhr.status}). Réessayez.`);
        };
        xhr.onerror = () =>
          finish(`Le dépôt de « ${file.name} » a échoué : la connexion a été interrompue, ou le serveur a refusé le fichier. Réessayez.`);
        xhr.onabort = () => finish(`Dépôt de « ${file.name} » annulé.`);

        xhr.open("POST", `${endpoint}?usage=${encodeURIComponent(purpose)}`);
        xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
        xhr.setRequestHeader("Content-Type", "application/octet-stream");
        xhr.send(file);
      }),
    [endpoint, onUploaded, purpose, showUploadedFiles],
  );

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        await send(next.localId, next.file);
        counts.current.pending -= 1;
      }
    } finally {
      running.current = false;
    }
  }, [send]);

  function take(chosen: File[]) {
    if (chosen.length === 0 || disabled) return;
    setStatus("");
    const problems: string[] = [];
    const accepted: { localId: number; file: File }[] = [];
    let room = limit - counts.current.files - counts.current.pending;
    for (const file of multiple ? chosen : chosen.slice(0, 1)) {
      const check = checkDeclaredFile(purpose, file.name, file.size);
      if (!check.ok) {
        problems.push(check.message);
        continue;
      }
      if (room <= 0) {
        problems.push(
          `« ${file.name} » n'a pas été déposé : cet espace accepte ${limit} fichier${limit > 1 ? "s" : ""} au maximum. Pour en déposer davantage, regroupez-les dans une archive zip.`,
        );
        continue;
      }
      room -= 1;
      accepted.push({ localId: nextLocalId.current++, file });
    }
    setErrors(problems);
    if (accepted.length === 0) return;

    counts.current.pending += accepted.length;
    setTransfers((list) => [
      ...list,
      ...accepted.map(({ localId, file }) => ({ localId, name: file.name, loaded: 0, total: file.size, started: false })),
    ]);
    queue.current.push(...accepted);
    void drain();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    take(Array.from(event.dataTransfer.files));
  }

  function cancel(localId: number) {
    if (current.current?.localId === localId) {
      current.current.xhr.abort();
      return;
    }
    const waiting = queue.current.find((item) => item.localId === localId);
    if (!waiting) return;
    queue.current = queue.current.filter((item) => item.localId !== localId);
    counts.current.pending -= 1;
    setTransfers((list) => list.filter((transfer) => transfer.localId !== localId));
    setStatus(`Dépôt de « ${waiting.file.name} » annulé.`);
    buttonRef.current?.focus();
  }

  function remove(file: UploadedFile) {
    setFiles((list) => list.filter((item) => item.id !== file.id));
    setStatus(`Fichier « ${file.name} » retiré.`);
    onRemove?.(file);
    // The button that had the focus is gone: give it back to the field.
    buttonRef.current?.focus();
  }

  const suffix = context ? ` — ${context}` : "";
  return (
    <div
      className="flex flex-col gap-2"
      onDragOver={(event) => {
        if (disabled) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {/* Errors are announced as they appear (the group is a live region). */}
      <div aria-live="assertive">
        <Upload
          label={
            <>
              {label}
              {suffix && <span className="fr-sr-only">{suffix}</span>}
            </>
          }
          hint={<span id={`${inputId}-aide`}>{hintText}</span>}
          multiple={multiple}
          disabled={disabled}
          state={errors.length > 0 ? "error" : "default"}
          stateRelatedMessage={errors.length > 0 ? errors.join(" ") : undefined}
          nativeInputProps={{
            id: inputId,
            ref: inputRef,
            accept: acceptAttribute(purpose),
            ...hiddenNativeInputProps,
            "aria-invalid": errors.length > 0 ? true : undefined,
            // Upload points at its error message even when there is none.
            "aria-describedby": errors.length > 0 ? `${inputId}-desc-error` : undefined,
            onChange: (event) => {
              const chosen = Array.from(event.target.files ?? []);
              // Reset so that choosing the same file again (after an error) fires a change.
              event.target.value = "";
              take(chosen);
            },
          }}
        />
      </div>
      <BrowseControl
        onBrowse={() => inputRef.current?.click()}
        buttonRef={buttonRef}
        multiple={multiple}
        dragging={dragging}
        disabled={disabled}
        describedBy={`${inputId}-aide`}
        context={context}
      />
      <p aria-live="polite" className="fr-sr-only">
        {status}
      </p>

      {transfers.length > 0 && (
        <ul aria-label="Dépôts en cours">
          {transfers.map((transfer) => {
            const share = transfer.total > 0 ? transfer.loaded / transfer.total : 0;
            return (
              <li key={transfer.localId}>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="fr-text--bold">{transfer.name}</span>
                  {transfer.started ? (
                    <>
                      <progress max={1} value={share} aria-label={`Dépôt de ${transfer.name}`} />
                      <span aria-hidden="true">{percent.format(share)}</span>
                    </>
                  ) : (
                    <span>En attente</span>
                  )}
                  <Button type="button" priority="tertiary" size="small" onClick={() => cancel(transfer.localId)} nativeButtonProps={{ "aria-label": `Annuler le dépôt de ${transfer.name}` }}>
                    Annuler
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}

      {showUploadedFiles && files.length > 0 && (
        <ul aria-label="Fichiers déposés">
          {files.map((file) => (
            <li key={file.id}>
              <span className="flex flex-wrap items-center gap-2">
                <a href={`/api/fichiers/${encodeURIComponent(file.id)}`}>{file.name}</a>
                <span>{formatFileSize(file.size)}</span>
                <span className="fr-text--xs fr-mb-0" title={file.sha256}>
                  <span className="fr-sr-only">Empreinte </span>SHA-256 {file.sha256.slice(0, 12)}…
                </span>
                <Button type="button" priority="tertiary" size="small" disabled={disabled} onClick={() => remove(file)} nativeButtonProps={{ "aria-label": `Retirer ${file.name}` }}>
                  Retirer
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isUploadedFile(value: unknown): value is UploadedFile {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "string" &&
    typeof candidate.name === "string" &&
    typeof candidate.size === "number" &&
    typeof candidate.sha256 === "string" &&
    typeof candidate.mediaType === "string"
  );
}
