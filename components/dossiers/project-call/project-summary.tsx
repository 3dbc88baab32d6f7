import type { ReactNode } from "react";
import { TARGET_KINDS } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel } from "@/lib/dossiers/kinds/project-call/form-model";
import { PROJECT_CALL_FIELD_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { PROJECT_CALL_THEMES, themeObjective } from "@/lib/dossiers/kinds/project-call/themes";
import { formatEuros } from "@/lib/funding/money";
import { DocumentSlot } from "../document-slot";
import { CategoryBox } from "./category-box";
import { EligibilityList } from "./eligibility-list";
import { GhtValidations } from "./ght-validations";

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="fr-h3 fr-mb-0">
        {title}
      </h2>
      {children}
    </section>
  );
}

const orDash = (text: string) => text || "—";
const euros = (cents: number | null) => (cents === null ? "—" : formatEuros(cents));

/** The project as saved, to read only (transmitted, decided, or its guichet closed). */
export function ProjectSummary({ model }: { model: ProjectCallFormModel }) {
  const { draft, live } = model;
  const theme = draft.theme;
  const undecided = model.status === "DRAFT" || model.status === "CHANGES_REQUESTED" || model.status === "SUBMITTED";
  return (
    <div className="flex flex-col gap-8" data-testid="projet-lecture">
      <Part id="porteur-perimetre" title="Porteur et périmètre du projet">
        <p className="fr-mb-1w">
          {PROJECT_CALL_FIELD_LABELS.porteurFinessPmsi} : <strong>{orDash(draft.porteurFinessPmsi)}</strong>
        </p>
        {draft.perimeter.length === 0 ? (
          <p className="fr-mb-0">Aucun établissement dans le périmètre.</p>
        ) : (
          <ul className="fr-mb-0">
            {draft.perimeter.map((site, index) => {
              const known = live.perimeter[index];
              return (
                <li key={`${site.siteFiness}-${index}`}>
                  {known ? `${known.siteName} — ${known.legalEntityName || known.legalEntityFiness}` : "Établissement inconnu du référentiel"} (FINESS EG {orDash(site.siteFiness)}, FINESS EJ{" "}
                  {orDash(site.legalEntityFiness)}
                  {known ? `, FINESS PMSI ${known.finessPmsi}` : ""})
                </li>
              );
            })}
          </ul>
        )}
      </Part>
      <CategoryBox live={live} pending={false} />
      <Part id="thematique" title="Thématique et objectifs">
        <p className="fr-mb-1w">
          Thématique : <strong>{theme ? PROJECT_CALL_THEMES[theme].label : "—"}</strong>
        </p>
        {theme && draft.objectives.length > 0 && (
          <ul className="fr-mb-0">
            {draft.objectives.map((objective) => (
              <li key={objective.code}>
                <strong>
                  {objective.code} — {themeObjective(theme, objective.code)?.label ?? ""}
                </strong>
                <br />
                <span className="whitespace-pre-line">{orDash(objective.description)}</span>
              </li>
            ))}
          </ul>
        )}
        {theme === "RATTRAPAGE_MATURITE" && (
          <ul className="fr-mb-0">
            <li>Aucun versement « d&apos;usage » SUN-ES déclaré : {draft.rattrapageDeclaration.noSunEsUsagePayment ? "oui" : "non"}</li>
            <li>Aucun versement « d&apos;usage » HOP&apos;EN2 phase 1 déclaré : {draft.rattrapageDeclaration.noPhase1UsagePayment ? "oui" : "non"}</li>
          </ul>
        )}
      </Part>
      {undecided && <EligibilityList eligibility={live.eligibility} pending={false} themeChosen={theme !== null} />}
      <Part id="equipe-projet" title="Porteur responsable et équipe projet">
        <p className="fr-mb-1w">
          {PROJECT_CALL_FIELD_LABELS.responsible} : {orDash(draft.responsible.name)} — {orDash(draft.responsible.profession)} — {orDash(draft.responsible.email)}
        </p>
        {draft.team.length > 0 && (
          <ul className="fr-mb-0">
            {draft.team.map((member, index) => (
              <li key={`${member.name}-${index}`}>
                {orDash(member.name)} — {orDash(member.profession)}
                {member.email ? ` — ${member.email}` : ""}
                {member.coLead ? " — référent métier en co-portage" : ""}
              </li>
            ))}
          </ul>
        )}
      </Part>
      <Part id="description-projet" title="Description du projet">
        {(["businessStakes", "operationalObjectives", "siWorkstreams"] as const).map((name) => (
          <div key={name}>
            <h3 className="fr-h6 fr-mb-1v">{PROJECT_CALL_FIELD_LABELS[name]}</h3>
            <p className="whitespace-pre-line fr-mb-0">{orDash(draft[name])}</p>
          </div>
        ))}
      </Part>
      <Part id="cibles" title="Cibles du projet">
        {draft.targets.length === 0 ? (
          <p className="fr-mb-0">Aucune cible.</p>
        ) : (
          <ol className="fr-mb-0">
            {draft.targets.map((target) => (
              <li key={target.id}>
                {TARGET_KINDS.find((kind) => kind.key === target.kind)?.label ?? "Type non indiqué"} : <span className="whitespace-pre-line">{orDash(target.description)}</span>
              </li>
            ))}
          </ol>
        )}
      </Part>
      <Part id="previsionnel" title="Prévisionnel de dépenses">
        <ul className="fr-mb-0">
          <li>Dépenses prévisionnelles 2026 : {euros(draft.forecastExpenses["2026"])}</li>
          <li>Dépenses prévisionnelles 2027 : {euros(draft.forecastExpenses["2027"])}</li>
        </ul>
      </Part>
      <Part id="partenaires" title="Partenaires industriels">
        {draft.industrialPartners.length === 0 ? (
          <p className="fr-mb-0">Aucun partenaire industriel.</p>
        ) : (
          draft.industrialPartners.map((partner, index) => (
            <DocumentSlot
              key={partner.id}
              dossierId={model.id}
              kind="PARTNER_COMMITMENT"
              objectiveCode={partner.id}
              forFiness={model.carrier.finess}
              targets={[]}
              label={`Lettre d'engagement ${partner.name ? `de ${partner.name}` : `du partenaire n° ${index + 1}`}`}
              documents={model.documents}
              editable={false}
              fieldKey={`documents.PARTNER_COMMITMENT.${partner.id}`}
            />
          ))
        )}
      </Part>
      <GhtValidations model={model} ghts={live.requiredGhtValidations} pending={false} editable={false} errors={{}} notes={{}} />
    </div>
  );
}
