import type { Metadata } from "next";
import { fr } from "@codegouvfr/react-dsfr";
import { CareEnvelopeForm } from "@/components/admin/care-envelope-form";
import { LegalEntityReferents } from "@/components/admin/legal-entity-referents";
import Link from "next/link";
import { careEnvelopeOf } from "@/lib/admin/care-envelopes";
import { auditSubject, type AuditSubject } from "@/lib/audit/subjects";
import { formatParisInstant } from "@/lib/clock";
import { formatEuros } from "@/lib/funding/money";
import { LegalEntityPage } from "@/components/legal-entity-page";
import { referentsOfLegalEntity } from "@/lib/admin/accounts";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dossiersOfLegalEntity } from "@/lib/dossiers/legal-entity-dossiers";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { getLegalEntityForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Entité juridique — Administration DNS" };

const auditHref = (subject: AuditSubject) => `/admin/audit?sujet=${encodeURIComponent(subject)}`;

/** The drill-down of the national follow-up into one EJ: reference data, dossiers and amounts, referents. */
export default async function AdminLegalEntityPage({ params }: { params: Promise<{ finess: string }> }) {
  const { finess } = await params;
  const user = await requireRole("DNS_ADMIN", `/admin/ej/${finess}`);
  const db = getDb();
  const entity = await loadForPage(getLegalEntityForUser(db, user, finess));
  const [dossiers, activity, referents, envelope] = await Promise.all([
    dossiersOfLegalEntity(db, user, entity.finess),
    combinedActivityOfLegalEntity(db, entity.finess),
    referentsOfLegalEntity(db, user, entity.finess),
    careEnvelopeOf(db, entity.finess),
  ]);
  return (
    // The DNS has no dossier page of its own: a dossier's number opens its audit.
    <LegalEntityPage entity={entity} back={{ href: "/admin/suivi", label: "Suivi national" }} dossiers={dossiers} activity={activity} dossierHref={(dossierId) => auditHref(auditSubject.dossier(dossierId))}>
      <p>
        <Link href={auditHref(auditSubject.legalEntity(entity.finess))}>Journal d&apos;audit de cette EJ</Link> (enveloppe CaRE, passation de dossiers…) ; le numéro d&apos;un dossier ouvre
        le journal de ce dossier.
      </p>
      {referents && <LegalEntityReferents entity={referents} headingLevel={2} />}
      <section aria-labelledby="enveloppe-care" className={fr.cx("fr-mb-4w")}>
        <h2 id="enveloppe-care" className={fr.cx("fr-h4")}>
          Enveloppe HospiConnect/CaRE (2026–2028)
        </h2>
        <p>
          {envelope
            ? `${formatEuros(envelope.amount)} — ${envelope.origin === "import" ? "fichier publié importé" : `fixée à la main : ${envelope.reason ?? ""}`} (le ${formatParisInstant(envelope.setAt)}).`
            : "Aucune enveloppe publiée pour cette EJ : importez le fichier des enveloppes (Imports) ou fixez-la ci-dessous."}
        </p>
        <CareEnvelopeForm finess={entity.finess} initialAmount={envelope ? formatEuros(envelope.amount).replace(/\s?€$/, "") : ""} />
      </section>
    </LegalEntityPage>
  );
}
