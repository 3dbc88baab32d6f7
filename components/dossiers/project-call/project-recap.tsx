import type { ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel, ProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";
import { PROJECT_CALL_THEMES, themeObjective } from "@/lib/dossiers/kinds/project-call/themes";
import { formatEuros } from "@/lib/funding/money";

/** What the confirmation dialog lists: the project as the server will snapshot it. */
export function ProjectRecap({ model, draft, live }: { model: ProjectCallFormModel; draft: ProjectCallDraft; live: ProjectCallLiveFacts }) {
  const files = (kind: string, subject: string) =>
    model.documents
      .filter((document) => document.kind === kind && document.objectiveCode === subject)
      .map((document) => document.name)
      .join(", ") || "—";
  const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));
  const theme = draft.theme;
  return (
    <>
      <p>
        Vous allez transmettre à l&apos;ARS le projet n° {model.number} ({model.guichet.label}) porté par le FINESS PMSI {draft.porteurFinessPmsi} :
      </p>
      <ul>
        <li>
          Périmètre :{" "}
          {draft.perimeter
            .map((site, index) => {
              const known = live.perimeter[index];
              return known ? `${known.siteName} (EG ${site.siteFiness}, EJ ${site.legalEntityFiness})` : `EG ${site.siteFiness}`;
            })
            .join(" ; ")}
        </li>
        <li>{live.category.known ? `Catégorie ${live.category.category}, plafond ${formatEuros(live.category.cap)}` : "Catégorie non déterminée"}</li>
        <li>Thématique : {theme ? PROJECT_CALL_THEMES[theme].label : "—"}</li>
        <li>
          Objectifs :{" "}
          {theme ? draft.objectives.map((objective) => `${objective.code} — ${themeObjective(theme, objective.code)?.label ?? ""}`).join(" ; ") : "—"}
        </li>
        <li>
          Porteur responsable : {draft.responsible.name} ({draft.responsible.profession}, {draft.responsible.email})
        </li>
        <li>Équipe projet : {draft.team.map((member) => `${member.name} (${member.profession}${member.coLead ? ", co-porteur" : ""})`).join(" ; ")}</li>
        <li>
          Cibles : {draft.targets.length} — prévisionnel de dépenses : 2026 {euros(draft.forecastExpenses["2026"])}, 2027 {euros(draft.forecastExpenses["2027"])}
        </li>
        {draft.industrialPartners.length > 0 && (
          <li>Partenaires industriels : {draft.industrialPartners.map((partner) => `${partner.name} (lettre : ${files("PARTNER_COMMITMENT", partner.id)})`).join(" ; ")}</li>
        )}
        {live.requiredGhtValidations.map((ght) => (
          <li key={ght.ghtId}>
            Validation du GHT « {ght.name} » : {files("GHT_VALIDATION", ght.ghtId)}
          </li>
        ))}
      </ul>
      <p className="fr-mb-0">
        Après la transmission, le projet est verrouillé ; un récépissé est disponible sur cette page. Un établissement (FINESS PMSI) ne peut pas prendre part à plus
        de deux projets : la transmission réserve une place à chacun de ceux du périmètre.
      </p>
    </>
  );
}
