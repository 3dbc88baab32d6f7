import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import Link from "next/link";
import { RemoveReferentButton } from "@/components/admin/account-actions";
import type { ReferentsOfLegalEntity } from "@/lib/admin/accounts";

/** One EJ's referents, each removable from it (the account stays). */
export function LegalEntityReferents({ entity, headingLevel = 3, linkToEntity = false }: { entity: ReferentsOfLegalEntity; headingLevel?: 2 | 3; linkToEntity?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <Heading className={headingLevel === 3 ? fr.cx("fr-h6", "fr-mb-1w") : undefined}>
        {headingLevel === 2 ? "Référents de l'établissement" : linkToEntity ? <Link href={`/admin/ej/${entity.finess}`}>{entity.name}</Link> : entity.name}
      </Heading>
      {headingLevel === 3 && (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          FINESS {entity.finess}, région {entity.regionCode}
        </p>
      )}
      {entity.referents.length === 0 ? (
        <p className={fr.cx("fr-text--sm")}>Aucun référent rattaché.</p>
      ) : (
        <ul>
          {entity.referents.map((referent) => (
            <li key={referent.userId} className={fr.cx("fr-mb-1w")}>
              <span className="flex flex-wrap items-center gap-2">
                <span>
                  {referent.name} — {referent.email}
                </span>
                {!referent.active && (
                  <Badge as="span" small severity="error">
                    Compte désactivé
                  </Badge>
                )}
                <RemoveReferentButton userId={referent.userId} email={referent.email} legalEntityFiness={entity.finess} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
