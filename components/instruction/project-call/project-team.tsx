import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";

const orDash = (text: string) => text || "—";

/** The responsible porteur and the project team (professions, co-carrying business referents). */
export function ProjectTeam({ responsible, team }: Pick<ProjectCallReview, "responsible" | "team">) {
  return (
    <section aria-labelledby="projet-equipe" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-equipe">Porteur responsable et équipe projet</h2>
      <p>
        Porteur responsable : <strong>{orDash(responsible.name)}</strong>
        {responsible.profession ? `, ${responsible.profession}` : ""}
        {responsible.email ? (
          <>
            {" "}
            (<a href={`mailto:${responsible.email}`}>{responsible.email}</a>)
          </>
        ) : null}
      </p>
      {team.length === 0 ? (
        <p>Aucun membre d&apos;équipe déclaré.</p>
      ) : (
        <Table
          caption="Équipe projet"
          headers={["Nom", "Adresse e-mail", "Métier ou fonction", "Référent métier en co-portage"]}
          data={team.map((member) => [orDash(member.name), orDash(member.email), orDash(member.profession), member.coLead ? "oui" : "non"])}
        />
      )}
    </section>
  );
}
