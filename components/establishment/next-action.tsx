import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import Link from "next/link";
import { StartDossierButton } from "@/components/dossiers/start-dossier-button";
import type { NextAction } from "@/lib/dossiers/establishment-guichets";
import type { StartRemedy } from "@/lib/dossiers/start-availability";

const DOSSIERS = "/etablissement/dossiers";

export function remedyHref(remedy: StartRemedy): string {
  return "dossierId" in remedy ? `${DOSSIERS}/${remedy.dossierId}` : `${DOSSIERS}#guichet-${remedy.guichetId}`;
}

/**
 * What an EJ can do at a guichet now (lib/dossiers/establishment-guichets.ts): the start
 * button where the start can succeed, its dossier with the step to take, or why nothing
 * can be started and where to go.
 */
export function NextActionView({ next, withDetail = true }: { next: NextAction; withDetail?: boolean }) {
  switch (next.kind) {
    case "START":
      return <StartDossierButton guichetId={next.guichetId} carrierFiness={next.carrierFiness} label={next.label} />;
    case "OPEN_DOSSIER":
      return (
        <div>
          {withDetail && <p className="fr-mb-2w">{next.detail}</p>}
          <Button priority={next.urgent ? "primary" : "secondary"} linkProps={{ href: `${DOSSIERS}/${next.dossier.id}` }}>
            {next.label}
          </Button>
        </div>
      );
    case "BLOCKED":
      return (
        <Alert
          severity="info"
          small
          description={
            <>
              {next.message}
              {next.remedy && (
                <>
                  {" "}
                  <Link href={remedyHref(next.remedy)}>{next.remedy.label}</Link>
                </>
              )}
            </>
          }
        />
      );
    default: {
      const unknown: never = next;
      throw new Error(`Unknown next action ${JSON.stringify(unknown)}`);
    }
  }
}
