"use client";

import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
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
  label: string;
  multiple?: boolean;
  /** Defaults to the purpose's count (20 for a note de cadrage), 1 when not `multiple`. */
  maxFiles?: number;
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
 * A file input that uploads each chosen file at once to /api/fichiers (one
 * request per file, raw bytes, one at a time), with a progress bar per file.
 * Size and extension are checked here first for a quick answer; the server
 * checks again, and sniffs the content.
 */
export function FileUploadField({
  purpose,
  label,
  multiple = false,
  maxFiles,
  hint,
  initialFiles = [],
  onUploaded,
  onRemove,
  showUploadedFiles = true,
  disabled = false,
  endpoint = "/api/fichiers",
}: FileUploadFieldProps) {
  const inputId = useId();
  const hintId = `${inputId}-aide`;
  const errorsId = `${inputId}-erreurs`;
  const limit = maxFiles ?? (multiple ? uploadPurposeRule(purpose).maxFiles : 1);

  const [files, setFiles] = useState<UploadedFile[]>(initialFiles);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState("");

  const inputRef = useRef<HTMLInputElement>(null);
  const nextLocalId = useRef(1);
  const queue = useRef<{ localId: number; file: File }[]>([]);
  const running = useRef(false);
  const current = useRef<{ localId: number; xhr: XMLHttpRequest } | null>(null);
  const counts = useRef({ files: initialFiles.length, pending: 0 });
  useEffect(() => {
    counts.current.files = files.length;
  }, [files]);

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
            setFiles((list) => [...list, body]);
            setStatus(`Fichier « ${body.name} » déposé (${formatFileSize(body.size)}).`);
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
    [endpoint, onUploaded, purpose],
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

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    // Reset so that choosing the same file again (after an error) fires a change.
    event.target.value = "";
    if (chosen.length === 0) return;
    setStatus("");

    const problems: string[] = [];
    const accepted: { localId: number; file: File }[] = [];
    let room = limit - counts.current.files - counts.current.pending;
    for (const file of chosen) {
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
  }

  function remove(file: UploadedFile) {
    setFiles((list) => list.filter((item) => item.id !== file.id));
    setStatus(`Fichier « ${file.name} » retiré.`);
    onRemove?.(file);
    // The button that had the focus is gone: give it back to the field.
    inputRef.current?.focus();
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={inputId} className="block font-semibold">
          {label}
        </label>
        <p id={hintId} className="text-sm">
          {hint ?? purposeHint(purpose, limit)}
        </p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          multiple={multiple}
          accept={acceptAttribute(purpose)}
          disabled={disabled}
          onChange={onChange}
          aria-describedby={errors.length > 0 ? `${hintId} ${errorsId}` : hintId}
          aria-invalid={errors.length > 0 ? true : undefined}
          className="mt-2 block w-full max-w-xl border border-gris-bordure bg-fond-alt p-2 file:mr-4 file:border-0 file:bg-bleu-france file:px-4 file:py-2 file:font-semibold file:text-white hover:file:bg-bleu-france-hover"
        />
      </div>

      {/* Live regions stay in the DOM so that screen readers announce their changes. */}
      <div id={errorsId} aria-live="assertive" aria-atomic="true">
        {errors.length > 0 && (
          <ul className="space-y-1 border-l-4 border-erreur bg-red-50 p-3 text-sm font-semibold text-erreur">
            {errors.map((error, index) => (
              <li key={index}>{error}</li>
            ))}
          </ul>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>

      {transfers.length > 0 && (
        <ul className="space-y-2" aria-label="Dépôts en cours">
          {transfers.map((transfer) => {
            const share = transfer.total > 0 ? transfer.loaded / transfer.total : 0;
            return (
              <li key={transfer.localId} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="font-semibold">{transfer.name}</span>
                {transfer.started ? (
                  <>
                    <progress max={1} value={share} aria-label={`Dépôt de ${transfer.name}`} className="h-2 w-48" />
                    <span aria-hidden="true">{percent.format(share)}</span>
                  </>
                ) : (
                  <span>En attente</span>
                )}
                <button
                  type="button"
                  onClick={() => cancel(transfer.localId)}
                  className="underline hover:text-bleu-france-hover"
                  aria-label={`Annuler le dépôt de ${transfer.name}`}
                >
                  Annuler
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {showUploadedFiles && files.length > 0 && (
        <ul className="divide-y divide-gris-bordure border border-gris-bordure" aria-label="Fichiers déposés">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
              <a href={`/api/fichiers/${encodeURIComponent(file.id)}`} className="font-semibold">
                {file.name}
              </a>
              <span>{formatFileSize(file.size)}</span>
              <span>
                <span className="sr-only">Empreinte </span>SHA-256{" "}
                <code title={file.sha256} className="bg-fond-alt px-1">
                  {file.sha256.slice(0, 12)}…
                </code>
              </span>
              <button
                type="button"
                onClick={() => remove(file)}
                disabled={disabled}
                className="ml-auto underline hover:text-bleu-france-hover"
                aria-label={`Retirer ${file.name}`}
              >
                Retirer
              </button>
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
