import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Metadata } from "next";
import Link from "next/link";
import { HandOverForm } from "@/components/accounts/hand-over-form";
import { InviteColleagueForm } from "@/components/accounts/invite-colleague-form";
import { RemoveColleagueButton } from "@/components/accounts/remove-colleague-button";
import { RequestDecisions } from "@/components/accounts/request-decisions";
import { DataTable } from "@/components/admin/data-table";
import { listRequestsToDecide } from "@/lib/accounts/account-requests";
import { toRequestRow } from "@/lib/accounts/request-rows";
import { teamActivity, teamEntitiesOf, teamOfLegalEntity } from "@/lib/accounts/team";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { decideRequestAsReferent } from "./actions";

export const metadata: Metadata = { title: "Équipe de l'établissement" };

const dateFr = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });

export default async function TeamPage({ searchParams }: { searchParams: Promise<{ ej?: string | string[] }> }) {
  const user = await requireRole("ESTABLISHMENT_REFERENT", "/etablissement/equipe");
  const { ej } = await searchParams;
  const db = getDb();
  const entities = await teamEntitiesOf(db, user);
  const requested = Array.isArray(ej) ? ej[0] : ej;
  const finess = entities.find((entity) => entity.finess === requested)?.finess ?? entities[0]?.finess;
  if (!finess) {
    return (
      <>
        <h1>Équipe de l&apos;établissement</h1>
        <p>Votre compte n&apos;est rattaché à aucun établissement.</p>
      </>
    );
  }
  // The chosen EJ is one of the user's own (teamEntitiesOf); the domain checks it again.
  const [team, requests, activity] = await Promise.all([
    loadForPage(teamOfLegalEntity(db, user, finess)),
    listRequestsToDecide(db, user, { legalEntityFiness: finess }),
    loadForPage(teamActivity(db, user, finess)),
  ]);
  const receivers = team.members.filter((member) => member.active).map((member) => ({ userId: member.userId, label: `${member.name} (${member.email})` }));
  const completers = team.completers.map((completer) => ({
    userId: completer.userId,
    label: `${completer.name || completer.email} — ${completer.dossiers} dossier${completer.dossiers > 1 ? "s" : ""}${completer.isMember ? "" : " (n'est plus référent)"}`,
  }));
  const departed = team.completers.filter((completer) => !completer.isMember);
  return (
    <>
      <h1>Équipe — {team.name}</h1>
      <p>FINESS EJ {team.finess}</p>
      {entities.length > 1 && (
        <form method="get" aria-label="Choisir l'établissement" className={fr.cx("fr-mb-4w")}>
          <div className="flex flex-wrap items-end gap-4">
            <Select label="Établissement" className={fr.cx("fr-mb-0")} nativeSelectProps={{ id: "equipe-ej", name: "ej", defaultValue: finess }}>
              {entities.map((entity) => (
                <option key={entity.finess} value={entity.finess}>
                  {entity.name} ({entity.finess})
                </option>
              ))}
            </Select>
            <Button type="submit" priority="secondary">
              Afficher
            </Button>
          </div>
        </form>
      )}

      <section aria-labelledby="equipe-membres" className={fr.cx("fr-mb-6w")}>
        <h2 id="equipe-membres">Référents</h2>
        <DataTable caption={`Référents de ${team.name} (${team.members.length})`} hideCaption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Fonction</th>
              <th scope="col">E-mail</th>
              <th scope="col">Référent depuis le</th>
              <th scope="col">Dernière connexion</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className={fr.cx("fr-cell--multiline")}>
                  {member.name}
                  {member.userId === user.id && " (vous)"}
                  {!member.active && (
                    <>
                      {" "}
                      <Badge as="span" small severity="error">
                        Compte désactivé
                      </Badge>
                    </>
                  )}
                  {!member.hasPassword && (
                    <>
                      {" "}
                      <Badge as="span" small severity="warning">
                        Mot de passe non choisi
                      </Badge>
                    </>
                  )}
                </th>
                <td className={fr.cx("fr-cell--multiline")}>{member.jobTitle ?? "—"}</td>
                <td>{member.email}</td>
                <td>{dateFr.format(member.since)}</td>
                <td>{member.lastSignInAt ? formatParisInstant(member.lastSignInAt) : "Jamais"}</td>
                <td>
                  <RemoveColleagueButton legalEntityFiness={team.finess} legalEntityName={team.name} userId={member.userId} name={member.name} self={member.userId === user.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="equipe-activite" className={fr.cx("fr-mb-6w")}>
        <h2 id="equipe-activite">Qui a fait quoi</h2>
        {activity.length === 0 ? (
          <p>Aucune action des référents sur les dossiers de l&apos;établissement pour l&apos;instant.</p>
        ) : (
          <DataTable caption={`Dernières actions des référents sur les dossiers de ${team.name}`}>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Référent</th>
                <th scope="col">Action</th>
                <th scope="col">Dossier</th>
              </tr>
            </thead>
            <tbody>
              {activity.map((entry) => (
                <tr key={`${entry.dossierId}-${entry.at.toISOString()}-${entry.label}`}>
                  <td>{formatParisInstant(entry.at)}</td>
                  <td>{entry.actorName}</td>
                  <td>{entry.label}</td>
                  <td className={fr.cx("fr-cell--multiline")}>
                    <Link href={`/etablissement/dossiers/${entry.dossierId}`}>{entry.dossierNumber}</Link> — {entry.guichetLabel}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="equipe-demandes" className={fr.cx("fr-mb-6w")}>
        <h2 id="equipe-demandes">Demandes de compte à examiner</h2>
        <RequestDecisions requests={requests.map(toRequestRow)} decide={decideRequestAsReferent} />
      </section>

      <section className={fr.cx("fr-mb-6w")}>
        <InviteColleagueForm legalEntityFiness={team.finess} legalEntityName={team.name} />
      </section>

      {completers.length > 0 && (
        <section className={fr.cx("fr-mb-6w")}>
          {departed.length > 0 && (
            <p className={fr.cx("fr-text--sm")}>
              {departed.length === 1 ? "Une personne qui n'est plus référente complète" : `${departed.length} personnes qui ne sont plus référentes complètent`} encore des
              dossiers de l&apos;établissement : confiez-les à un référent actif pour que les e-mails de ces dossiers lui parviennent.
            </p>
          )}
          <HandOverForm legalEntityFiness={team.finess} completers={completers} receivers={receivers} />
        </section>
      )}
    </>
  );
}
