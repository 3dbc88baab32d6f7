import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { Metadata } from "next";
import Link from "next/link";
import { formatEuros } from "@/lib/funding";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { instructorRegionName } from "@/lib/instruction/instructor-region";
import { LEGAL_STATUS_LABELS } from "@/lib/reference/legal-entity-summary";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Instruction ARS" };

const numberFr = new Intl.NumberFormat("fr-FR");

export default async function InstructorDashboard({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireRole("ARS_INSTRUCTOR", "/ars");
  const { q } = await searchParams;
  const db = getDb();
  const [regionName, entities] = await Promise.all([
    instructorRegionName(db, user),
    listLegalEntitiesForUser(db, user, { search: q }),
  ]);
  const caption = `${entities.length} entité${entities.length > 1 ? "s" : ""} juridique${entities.length > 1 ? "s" : ""}`;
  return (
    <>
      <h1>Instruction — ARS {regionName ?? "(région non renseignée)"}</h1>
      <p>
        Les entités juridiques de votre région, leurs effectifs SAE et leur montant plafond HospiConnect. Les dossiers transmis sont dans la{" "}
        <Link href="/ars/dossiers">file des dossiers à instruire</Link>.
      </p>
      <form role="search" action="/ars" className={`${fr.cx("fr-mb-4w")} flex flex-wrap items-end gap-4`}>
        <Input label="Rechercher un établissement" hintText="Nom ou FINESS" className={fr.cx("fr-mb-0")} nativeInputProps={{ name: "q", type: "search", defaultValue: q ?? "" }} />
        <Button type="submit" iconId="fr-icon-search-line" iconPosition="left">
          Rechercher
        </Button>
      </form>
      {entities.length === 0 ? (
        <p>Aucune entité juridique ne correspond à cette recherche.</p>
      ) : (
        <Table
          caption={caption}
          headers={["FINESS EJ", "Raison sociale", "Statut", "GHT", "EG", "Effectif", "Plafond annuel"]}
          data={entities.map((entity) => [
            entity.finess,
            <Link key="ej" href={`/ars/ej/${entity.finess}`}>
              {entity.name}
            </Link>,
            LEGAL_STATUS_LABELS[entity.legalStatus],
            entity.ght ? `${entity.ght.name}${entity.ght.isSupport ? " (support)" : ""}` : "—",
            entity.sites.length,
            numberFr.format(entity.headcount),
            formatEuros(entity.annualCeiling),
          ])}
        />
      )}
    </>
  );
}
