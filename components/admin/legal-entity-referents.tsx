import Link from "next/link";
import { RemoveReferentButton } from "@/components/admin/account-actions";
import type { ReferentsOfLegalEntity } from "@/lib/admin/accounts";

/** One EJ's referents, each removable from it (the account stays). */
export function LegalEntityReferents({ entity, headingLevel = 3, linkToEntity = false }: { entity: ReferentsOfLegalEntity; headingLevel?: 2 | 3; linkToEntity?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="border border-gris-bordure p-3">
      <Heading className={headingLevel === 2 ? "text-xl font-bold" : "font-bold"}>
        {headingLevel === 2 ? "Référents de l'établissement" : linkToEntity ? <Link href={`/admin/ej/${entity.finess}`}>{entity.name}</Link> : entity.name}
        {headingLevel === 3 && <span className="font-normal"> (FINESS {entity.finess}, région {entity.regionCode})</span>}
      </Heading>
      {entity.referents.length === 0 ? (
        <p className="text-sm">Aucun référent rattaché.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {entity.referents.map((referent) => (
            <li key={referent.userId} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {referent.name} — {referent.email}
                {!referent.active && " (compte désactivé)"}
              </span>
              <RemoveReferentButton userId={referent.userId} email={referent.email} legalEntityFiness={entity.finess} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
