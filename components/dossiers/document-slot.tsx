"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { attachDocumentAction, detachDocumentAction } from "@/app/etablissement/dossiers/actions";
import { FileUploadField, type UploadedFile } from "@/components/upload/file-upload-field";
import { duplicateInSlot, duplicateMessage } from "@/lib/dossiers/document-rules";
import type { DossierFormModel } from "@/lib/dossiers/form-model";
import { ScanStatusBadge } from "./scan-status-badge";
import { formatFileSize } from "@/lib/storage/sniff-type";
import { fieldId } from "./field-errors";

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
  /** What this slot expects, under its legend. */
  description?: string;
  documents: DossierFormModel["documents"];
  editable: boolean;
  /** The form key of the slot ("parts.998400402.noteDeCadrage"), which its errors and the ARS's points use. */
  fieldKey: string;
  errors?: readonly string[];
  notes?: readonly string[];
}

type Notice = { severity: "success" | "warning" | "error"; text: string } | null;

/** One kind of document of a dossier (a DSFR fieldset): what is attached, and an upload that attaches more. */
export function DocumentSlot(props: DocumentSlotProps) {
  const router = useRouter();
  const [targets, setTargets] = useState<string[]>(props.targets.map((target) => target.finess));
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();
  // Attached in this page but maybe not in `documents` yet (the refresh is under way).
  const recent = useRef<{ kind: Kind; objectiveCode: string | null; legalEntities: string[]; sha256: string; name: string }[]>([]);
  // One attachment at a time, in the order of the uploads, so that each sees the one before.
  const attaching = useRef<Promise<void>>(Promise.resolve());
  const objectiveCode = props.objectiveCode ?? null;
  const attached = props.documents.filter(
    (document) => document.kind === props.kind && (props.objectiveCode === undefined || document.objectiveCode === props.objectiveCode) && document.legalEntities.includes(props.forFiness),
  );
  const nameOf = (finess: string) => props.targets.find((target) => target.finess === finess)?.name ?? finess;
  const id = fieldId(props.fieldKey);
  const legendId = `${id}-legende`;
  const messagesId = `${id}-messages`;
  const hasError = Boolean(props.errors?.length);

  const focusUpload = () => document.getElementById(id)?.querySelector<HTMLElement>("[data-focus-target]")?.focus();

  async function attach(file: UploadedFile) {
    const legalEntities = targets.length > 0 ? targets : [props.forFiness];
    const duplicate = duplicateInSlot([...props.documents, ...recent.current], { kind: props.kind, objectiveCode, legalEntities, sha256: file.sha256 });
    if (duplicate) {
      setNotice({ severity: "warning", text: duplicateMessage(file.name, duplicate) });
      return;
    }
    const result = await attachDocumentAction({ dossierId: props.dossierId, kind: props.kind, fileId: file.id, legalEntities, objectiveCode });
    if (!result.ok) {
      setNotice({ severity: "error", text: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message });
      return;
    }
    recent.current.push({ kind: props.kind, objectiveCode, legalEntities, sha256: file.sha256, name: file.name });
    setNotice({ severity: "success", text: `« ${file.name} » ajouté au dossier.` });
    router.refresh();
  }

  return (
    <fieldset id={id} className={fr.cx("fr-fieldset", hasError && "fr-fieldset--error")} aria-labelledby={`${legendId} ${messagesId}`}>
      <legend id={legendId} className={fr.cx("fr-fieldset__legend")}>
        {props.label}
        {props.description && <span className="fr-hint-text">{props.description}</span>}
      </legend>
      <div className={fr.cx("fr-fieldset__element")}>
        {attached.length > 0 ? (
          <ul aria-label={`Documents déposés — ${props.label}`}>
            {attached.map((document) => (
              <li key={document.id}>
                <span className="flex flex-wrap items-center gap-2">
                  <a href={`/api/fichiers/${document.fileId}`}>{document.name}</a>
                  <span>({formatFileSize(document.sizeBytes)})</span>
                  <ScanStatusBadge status={document.scanStatus} />
                  <span className="fr-text--xs fr-mb-0" title={`SHA-256 ${document.sha256}`}>
                    SHA-256 {document.sha256.slice(0, 12)}…
                  </span>
                  {document.legalEntities.length > 1 && <span className="fr-text--xs fr-mb-0">— sert pour {document.legalEntities.map(nameOf).join(", ")}</span>}
                  {props.editable && (
                    <Button type="button"
                      priority="tertiary"
                      size="small"
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await detachDocumentAction({ dossierId: props.dossierId, documentId: document.id });
                          setNotice(result.ok ? { severity: "success", text: `« ${document.name} » retiré du dossier.` } : { severity: "error", text: result.message });
                          if (result.ok) {
                            recent.current = recent.current.filter((item) => item.sha256 !== document.sha256);
                            router.refresh();
                          }
                          focusUpload();
                        })
                      }
                    >
                      Retirer<span className="fr-sr-only"> {document.name}</span>
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="fr-text--sm fr-mb-0">Aucun document déposé.</p>
        )}
      </div>
      {props.editable && props.targets.length > 1 && (
        <div className={fr.cx("fr-fieldset__element")}>
          <Checkbox
            small
            orientation="horizontal"
            legend="Le prochain document déposé sert pour :"
            options={props.targets.map((target) => ({
              label: target.name,
              nativeInputProps: {
                checked: targets.includes(target.finess),
                onChange: (event) => {
                  const checked = event.currentTarget.checked;
                  setTargets((current) => (checked ? [...current, target.finess] : current.filter((finess) => finess !== target.finess)));
                },
              },
            }))}
          />
        </div>
      )}
      {props.editable && (
        <div className={fr.cx("fr-fieldset__element")}>
          <FileUploadField
            purpose={props.kind}
            label="Déposer un fichier"
            context={props.label}
            multiple
            existingCount={attached.length}
            showUploadedFiles={false}
            onUploaded={(file) => {
              attaching.current = attaching.current.then(() => attach(file)).catch(() => setNotice({ severity: "error", text: `« ${file.name} » n'a pas pu être ajouté au dossier : réessayez.` }));
            }}
          />
        </div>
      )}
      <div className={fr.cx("fr-fieldset__element")}>
        <p role="status" className="fr-text--sm fr-mb-0">
          {notice?.severity === "success" ? notice.text : ""}
        </p>
        {notice && notice.severity !== "success" && <Alert severity={notice.severity} small description={notice.text} />}
      </div>
      <div className={fr.cx("fr-messages-group")} id={messagesId} aria-live="polite">
        {props.errors?.map((message) => (
          <p key={message} className={fr.cx("fr-message", "fr-message--error")}>
            {message}
          </p>
        ))}
        {props.notes?.map((message) => (
          <p key={message} className={fr.cx("fr-message", "fr-message--info")}>
            {message}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
