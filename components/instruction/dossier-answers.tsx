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
      <section aria-labelledby="equipe-projet" className="space-y-3">
        <h2 id="equipe-projet" className="text-xl font-bold">
          Équipe projet
        </h2>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Équipe projet déclarée dans la candidature</caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-1 pr-3">
                Rôle
              </th>
              <th scope="col" className="py-1 pr-3">
                Nom
              </th>
              <th scope="col" className="py-1">
                Adresse e-mail
              </th>
            </tr>
          </thead>
          <tbody>
            {PROJECT_TEAM_ROLES.map((role) => {
              const member = candidature.projectTeam[role.key];
              return (
                <tr key={role.key} className="border-b border-gris-bordure">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {role.label}
                  </th>
                  <td className="py-1 pr-3">{member?.name || "—"}</td>
                  <td className="py-1">{member?.email || "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
      <section aria-labelledby="attestations" className="space-y-2">
        <h2 id="attestations" className="text-xl font-bold">
          Attestations
        </h2>
        <ul className="list-disc pl-6">
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
