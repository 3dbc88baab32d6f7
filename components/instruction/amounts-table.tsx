import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatEuros } from "@/lib/funding";
import type { ReviewPart } from "@/lib/instruction/dossier-review";
import { formatCentsOrDash, formatInteger } from "./format";

/**
 * The amounts of every EJ of the dossier, as transmitted and as decided: the
 * programme's figures (lib/funding), what the establishment asked for, what
 * the ARS granted and, below the maximum, why.
 */
export function AmountsTable({ parts, kind, year }: { parts: ReviewPart[]; kind: string; year: number }) {
  if (kind !== "MILESTONE_DEPOSIT") {
    return (
      <Table
        caption="Effectif SAE et montant plafond annuel de chaque EJ"
        headers={["Entité juridique", "Effectif SAE", "Montant plafond annuel"]}
        data={parts.map((part) => [`${part.name} (${part.finess})`, `${formatInteger(part.headcount)} agents`, formatEuros(part.amounts.annualCeiling)])}
      />
    );
  }
  return (
    <>
      <Table
        caption={`Montants ${year} de chaque EJ (règles du programme)`}
        headers={["Entité juridique", "Montant plafond annuel", `Montant éligible ${year}`, "Montant maximal (éligible écrêté aux dépenses déclarées)", "Montant demandé", "Montant accordé par l'ARS"]}
        data={parts.map((part) => {
          const overCap = part.requested !== null && part.amounts.capped !== null && part.requested > part.amounts.capped;
          const partial = part.decided !== null && part.amounts.capped !== null && part.decided < part.amounts.capped;
          return [
            `${part.name} (${part.finess})`,
            formatEuros(part.amounts.annualCeiling),
            <>
              {formatCentsOrDash(part.amounts.eligible)}
              {year === 2026 && part.milestoneComplete === false && (
                <>
                  <br />
                  <span className={fr.cx("fr-text--xs")}>Jalon 2026 incomplet à la transmission (note de cadrage et NRU valide requis) : 0 %</span>
                </>
              )}
            </>,
            <strong key="max" data-testid={`ecrete-${part.finess}`}>
              {formatCentsOrDash(part.amounts.capped)}
            </strong>,
            <>
              {formatCentsOrDash(part.requested)}
              {overCap && (
                <>
                  <br />
                  <Badge as="span" small severity="warning">
                    supérieur au montant maximal
                  </Badge>
                </>
              )}
            </>,
            <>
              <span data-testid={`accorde-${part.finess}`}>{formatCentsOrDash(part.decided)}</span>
              {partial && (
                <>
                  <br />
                  <Badge as="span" small severity="info" noIcon>
                    inférieur au maximal
                  </Badge>
                </>
              )}
            </>,
          ];
        })}
      />
      {parts.some((part) => part.partialAwardReason) && (
        <>
          <h3 className={fr.cx("fr-h6")}>Motifs des montants accordés inférieurs au maximal</h3>
          <ul>
            {parts
              .filter((part) => part.partialAwardReason)
              .map((part) => (
                <li key={part.finess} className="whitespace-pre-line">
                  {part.name} : {part.partialAwardReason}
                </li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}
