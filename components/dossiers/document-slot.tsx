"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { attachDocumentAction, detachDocumentAction } from "@/app/etablissement/dossiers/actions";
import { FileUploadField } from "@/components/upload/file-upload-field";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { FieldErrorText, fieldId } from "./field-errors";

type Kind = DossierFormModel["documents"][number]["kind"];

interface DocumentSlotProps {
  dossierId: string;
  kind: Kind;
  objectiveCode?: string;
  /** The EJ this slot is shown for (documents linked to it are listed). */
  forFiness: string;
  /** The EJ a new document may also serve (a GHT's note de cadrage, source 000). */
  targets: { finess: string; name: string }[];
  label: string;
  hint: string;
  documents: DossierFormModel["documents"];
  editable: boolean;
  errors: FieldErrors;
  errorKey: string;
  maxFiles?: number;
}

const sizeFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
function fileSize(bytes: number) {
  return bytes < 1024 * 1024 ? `${sizeFormatter.format(bytes / 1024)} Ko` : `${sizeFormatter.format(bytes / (1024 * 1024))} Mo`;
}

/** One kind of document of a dossier: what is attached, and an upload that attaches more. */
export function DocumentSlot(props: DocumentSlotProps) {
  const router = useRouter();
  const [targets, setTargets] = useState<string[]>(props.targets.map((target) => target.finess));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const attached = props.documents.filter(
    (document) => document.kind === props.kind && (props.objectiveCode === undefined || document.objectiveCode === props.objectiveCode) && document.legalEntities.includes(props.forFiness),
  );
  const nameOf = (finess: string) => props.targets.find((target) => target.finess === finess)?.name ?? finess;

  return (
    <fieldset id={fieldId(props.errorKey)} tabIndex={-1} className="border border-gris-bordure p-4">
      <legend className="px-1 font-semibold">{props.label}</legend>
      <p className="text-sm">{props.hint}</p>
      {attached.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {attached.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center gap-2">
              <a href={`/api/fichiers/${document.fileId}`}>{document.name}</a>
              <span>({fileSize(document.sizeBytes)})</span>
              <span className="font-mono text-xs" title={`SHA-256 ${document.sha256}`}>
                SHA-256 {document.sha256.slice(0, 12)}…
              </span>
              {document.legalEntities.length > 1 && <span className="text-xs">— sert pour {document.legalEntities.map(nameOf).join(", ")}</span>}
              {props.editable && (
                <button
                  type="button"
                  disabled={pending}
                  className="text-erreur underline"
                  onClick={() =>
                    startTransition(async () => {
                      const result = await detachDocumentAction({ dossierId: props.dossierId, documentId: document.id });
                      setMessage(result.ok ? `« ${document.name} » retiré du dossier.` : result.message);
                      if (result.ok) router.refresh();
                    })
                  }
                >
                  Retirer<span className="sr-only"> {document.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm italic">Aucun document déposé.</p>
      )}
      {props.editable && (
        <div className="mt-3 space-y-2">
          {props.targets.length > 1 && (
            <fieldset>
              <legend className="text-sm font-semibold">Le prochain document déposé sert pour :</legend>
              {props.targets.map((target) => (
                <label key={target.finess} className="mr-4 inline-flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={targets.includes(target.finess)}
                    onChange={(event) => setTargets((current) => (event.target.checked ? [...current, target.finess] : current.filter((finess) => finess !== target.finess)))}
                  />
                  {target.name}
                </label>
              ))}
            </fieldset>
          )}
          <FileUploadField
            purpose={props.kind}
            label={`Déposer un fichier — ${props.label}`}
            multiple
            maxFiles={props.maxFiles ?? 20}
            showUploadedFiles={false}
            onUploaded={async (file) => {
              const result = await attachDocumentAction({
                dossierId: props.dossierId,
                kind: props.kind,
                fileId: file.id,
                legalEntities: targets.length > 0 ? targets : [props.forFiness],
                objectiveCode: props.objectiveCode ?? null,
              });
              setMessage(result.ok ? `« ${file.name} » ajouté au dossier.` : result.message);
              if (result.ok) router.refresh();
            }}
          />
        </div>
      )}
      <p role="status" aria-live="polite" className="mt-1 text-sm">
        {message}
      </p>
      <FieldErrorText errors={props.errors} name={props.errorKey} />
    </fieldset>
  );
}
