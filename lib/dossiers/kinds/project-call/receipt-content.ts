import { formatEuros } from "@/lib/funding/money";
import { projectCallDraftSchema, projectCallProofDraftSchema, TARGET_KINDS } from "./draft-schema";
import { PROJECT_CALL_THEMES, themeObjective } from "./themes";

/** A section of a project's récépissé: a title and label/value rows (laid out by lib/dossiers/receipt-pdf.ts). */
export interface ReceiptSection {
  title: string;
  rows: [string, string][];
}

const orNone = (value: string) => value.trim() || "non renseigné";

/**
 * What a project's récépissé says it transmitted (source 001's content of a project), from the
 * snapshot's data; for the June-2027 transmission, the proofs target by target. Parsed leniently:
 * an old snapshot never makes its receipt fail.
 */
export function projectReceiptSections(data: unknown, step: "dossier" | "proof"): ReceiptSection[] {
  const stored = (data ?? {}) as { project?: unknown; proof?: unknown };
  const parsed = projectCallDraftSchema.safeParse(stored.project ?? {});
  const project = parsed.success ? parsed.data : projectCallDraftSchema.parse({});
  const theme = project.theme ? PROJECT_CALL_THEMES[project.theme] : null;
  const sections: ReceiptSection[] = [
    {
      title: "Projet",
      rows: [
        ["FINESS PMSI du porteur", orNone(project.porteurFinessPmsi)],
        ["Thématique", theme?.label ?? "non renseignée"],
        ...project.objectives.map((objective): [string, string] => [`Objectif ${objective.code}`, `${project.theme ? (themeObjective(project.theme, objective.code)?.label ?? "") : ""} — ${orNone(objective.description)}`]),
        ["Porteur responsable", `${orNone(project.responsible.name)} — ${orNone(project.responsible.profession)} <${orNone(project.responsible.email)}>`],
        ...project.team.map((member, index): [string, string] => [`Équipe projet n° ${index + 1}`, `${orNone(member.name)} — ${orNone(member.profession)}${member.coLead ? " (référent métier en co-portage)" : ""}`]),
        ["Enjeux métiers", orNone(project.businessStakes)],
        ["Objectifs opérationnels", orNone(project.operationalObjectives)],
        ["Chantiers SI envisagés", orNone(project.siWorkstreams)],
        ["Dépenses prévisionnelles 2026", project.forecastExpenses["2026"] === null ? "non renseigné" : formatEuros(project.forecastExpenses["2026"])],
        ["Dépenses prévisionnelles 2027", project.forecastExpenses["2027"] === null ? "non renseigné" : formatEuros(project.forecastExpenses["2027"])],
        ...project.industrialPartners.map((partner, index): [string, string] => [`Partenaire industriel n° ${index + 1}`, orNone(partner.name)]),
      ],
    },
    { title: `Périmètre (${project.perimeter.length} établissement(s) géographique(s))`, rows: project.perimeter.map((site, index) => [`EG n° ${index + 1}`, `FINESS EG ${orNone(site.siteFiness)} — FINESS EJ ${orNone(site.legalEntityFiness)}`]) },
    { title: "Cibles de juin 2027", rows: project.targets.map((target, index) => [`Cible n° ${index + 1} (${TARGET_KINDS.find((kind) => kind.key === target.kind)?.label.toLowerCase() ?? "type non renseigné"})`, orNone(target.description)]) },
  ];
  if (step === "proof") {
    const proof = projectCallProofDraftSchema.safeParse(stored.proof ?? {});
    const outcomes = proof.success ? proof.data.targets : [];
    sections.push({
      title: "Preuves d'atteinte des cibles",
      rows: project.targets.map((target, index) => {
        const outcome = outcomes.find((candidate) => candidate.targetId === target.id);
        const reached = outcome?.reached === true ? "atteinte" : outcome?.reached === false ? "non atteinte" : "non renseignée";
        return [`Cible n° ${index + 1}`, `${reached}${outcome?.comment ? ` — ${outcome.comment}` : ""}`];
      }),
    });
  }
  return sections;
}
