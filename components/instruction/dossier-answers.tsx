import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { candidatureDraftSchema, depositAttestationsSchema } from "@/lib/dossiers/dossier-input";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "@/lib/dossiers/project-team";

function envelope(data: unknown, key: "candidature" | "deposit"): unknown {
  return typeof data === "object" && data !== null && key in data ? (data as Record<string, unknown>)[key] : undefined;
}

/** The dossier-level answers as transmitted: a candidature's project team and GHT mandate, a deposit's attestations. */
export function DossierAnswers({ kind, data, year }: { kind: string; data: unknown; year: number }) {
  if (kind === "CANDIDATURE") {
    const parsed = candidatureDraftSchema.safeParse(envelope(data, "candidature") ?? {});
    if (!parsed.success) return <p>Réponses de la candidature illisibles.</p>;
    const candidature = parsed.data;
    return (
      <section aria-labelledby="equipe-projet" className={fr.cx("fr-mb-6w")}>
        <h2 id="equipe-projet">Équipe projet</h2>
        <Table
          caption="Équipe projet déclarée dans la candidature"
          noCaption
          headers={["Rôle", "Nom", "Adresse e-mail"]}
          data={PROJECT_TEAM_ROLES.map((role) => {
            const member = candidature.projectTeam[role.key];
            return [role.label, member?.name || "—", member?.email || "—"];
          })}
        />
        {candidature.ghtMandateKind && (
          <p>
            Justificatif du mandat de l&apos;établissement support : {GHT_MANDATE_KINDS.find((kindOf) => kindOf.key === candidature.ghtMandateKind)?.label ?? candidature.ghtMandateKind}
          </p>
        )}
      </section>
    );
  }
  if (kind === "MILESTONE_DEPOSIT") {
    const deposit = envelope(data, "deposit");
    const parsed = depositAttestationsSchema.safeParse(typeof deposit === "object" && deposit !== null ? ((deposit as Record<string, unknown>).attestations ?? {}) : {});
    const attestations = parsed.success ? parsed.data : { targetsReached: false, expensesTruthful: false };
    return (
      <section aria-labelledby="attestations" className={fr.cx("fr-mb-6w")}>
        <h2 id="attestations">Attestations</h2>
        <ul>
          <li>
            Atteinte des cibles {year} : <strong>{attestations.targetsReached ? "attestée" : "non attestée"}</strong>
          </li>
          <li>
            Dépenses déclarées sincères, engagées depuis le 19 décembre 2025 : <strong>{attestations.expensesTruthful ? "attestées" : "non attestées"}</strong>
          </li>
        </ul>
      </section>
    );
  }
  return null;
}
