import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { GuichetPhaseBadge } from "@/components/admin-guichets/guichet-phase-badge";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { FOLLOW_UP_STATUSES } from "@/lib/admin/follow-up-rows";
import { followUpGuichets, nationalFollowUp, regionFollowUp } from "@/lib/admin/national-follow-up";
import { projectCallFollowUp } from "@/lib/dossiers/kinds/project-call/follow-up";
import { ProjectCallFollowUpTable } from "@/components/admin/project-call-follow-up-table";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import { formatEuros, type Cents } from "@/lib/funding";

export const metadata: Metadata = { title: "Suivi national — Administration DNS" };

const numberFr = new Intl.NumberFormat("fr-FR");
const euros = (cents: Cents | null) => (cents === null ? "—" : formatEuros(cents));
const RIGHT = fr.cx("fr-cell--right");
const FIXED = fr.cx("fr-cell--fixed");

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * The national follow-up (issue 9, §2.9): it opens on the guichet in progress
 * (lib/admin picks it on the portal's day), and its figures are split into two
 * tables that fit the page — dossiers by status, then amounts — each with the
 * region first, in DSFR's table whose container scrolls on a narrow screen
 * while the region column stays fixed. The drill-down lists one region's EJ
 * with their status and amounts first, the details after.
 */
export default async function NationalFollowUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("DNS_ADMIN", "/admin/suivi");
  const params = await searchParams;
  const db = getDb();
  const { guichets, defaultGuichetId } = await followUpGuichets(db, user, parisDate(now()));
  const requested = guichets.find((guichet) => guichet.id === single(params.guichet));
  const selected = requested ?? guichets.find((guichet) => guichet.id === defaultGuichetId) ?? null;
  const regionParam = single(params.region);
  const regionCode = /^\d{2}$/.test(regionParam) ? regionParam : null;

  const header = (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Suivi national" />
      <h1>Suivi national</h1>
    </>
  );
  if (guichets.length === 0) {
    return (
      <>
        {header}
        <p>Aucun guichet n&apos;est encore configuré.</p>
      </>
    );
  }

  const chooser = (
    <form method="get" className={fr.cx("fr-mb-4w")}>
      <div className="flex flex-wrap items-end gap-4">
        <Select label="Guichet" className={fr.cx("fr-mb-0")} nativeSelectProps={{ id: "suivi-guichet", name: "guichet", defaultValue: selected?.id ?? "" }}>
          {!selected && (
            <option value="" disabled>
              — Choisir un guichet —
            </option>
          )}
          {guichets.map((guichet) => (
            <option key={guichet.id} value={guichet.id}>
              {guichet.label}
            </option>
          ))}
        </Select>
        <Button type="submit">Afficher</Button>
      </div>
    </form>
  );

  if (!selected) {
    return (
      <>
        {header}
        {chooser}
        <Alert
          severity="info"
          role={undefined}
          title="Aucun guichet n'a encore ouvert"
          description="Aucun dossier ne peut être déposé avant l'ouverture d'un guichet : choisissez un guichet pour voir son suivi."
        />
      </>
    );
  }

  const guichetId = selected.id;
  const [followUp, drillDown, projects] = await Promise.all([
    nationalFollowUp(db, user, guichetId),
    regionCode ? loadForPage(regionFollowUp(db, user, guichetId, regionCode)) : Promise.resolve(null),
    selected.kind === "PROJECT_CALL" ? projectCallFollowUp(db, user, guichetId) : Promise.resolve(null),
  ]);
  const exportHref = (format: "csv" | "xlsx", region: string | null) =>
    `/api/admin/export?${new URLSearchParams({ guichet: guichetId, format, ...(region ? { region } : {}) }).toString()}`;
  const regionHref = (code: string) => `/admin/suivi?${new URLSearchParams({ guichet: guichetId, region: code }).toString()}#detail-region`;
  const care = followUp.guichet.kind === "CARE_RELEVE";
  const hasEligible = followUp.guichet.kind === "MILESTONE_DEPOSIT" || care;
  const { total } = followUp;

  return (
    <>
      {header}
      {chooser}
      <p className="flex flex-wrap items-center gap-2">
        <span>
          « {selected.label} » : dépôts du {formatCalendarDate(selected.opensOn)} au {formatCalendarDate(selected.closesOn)}, instruction jusqu&apos;au{" "}
          {formatCalendarDate(selected.instructionEndsOn)}.
        </span>
        <GuichetPhaseBadge phase={selected.phase} />
      </p>
      {!requested && <p className={fr.cx("fr-hint-text")}>Le suivi s&apos;ouvre sur le guichet en cours (ouvert, ou en instruction), à défaut sur le dernier guichet clos.</p>}
      <p className={fr.cx("fr-text--sm")}>
        Candidatures : dossiers transmis du guichet de candidature {followUp.candidatureGuichet ? `« ${followUp.candidatureGuichet.label} »` : "(aucun guichet de candidature pour ce programme)"}. Les montants
        portent sur les EJ des dossiers transmis du guichet choisi ;{" "}
        {care
          ? "pour une relève CaRE, l'enveloppe 2026–2028 de chaque EJ publiée par la DNS, et ses dépenses éligibles (prestations externes) déclarées ; instruction par l'ANS."
          : "les plafonds annuels sont calculés sur les effectifs SAE (2024, à défaut 2023, à défaut 2022)."}
      </p>
      <p>
        Exporter la France entière : <a href={exportHref("csv", null)}>CSV</a> · <a href={exportHref("xlsx", null)}>Excel (XLSX)</a>
      </p>

      <DataTable caption={`${followUp.guichet.label} : dossiers par région`}>
        <thead>
          <tr>
            <th scope="col" className={FIXED}>
              Région
            </th>
            <th scope="col" className={RIGHT}>
              EJ (référentiel)
            </th>
            <th scope="col" className={RIGHT}>
              EJ éligibles
            </th>
            <th scope="col" className={RIGHT}>
              Candidatures
            </th>
            {FOLLOW_UP_STATUSES.map((status) => (
              <th key={status} scope="col" className={RIGHT}>
                {DOSSIER_STATUS_LABELS[status]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {followUp.regions.map((region) => (
            <tr key={region.code}>
              <th scope="row" className={FIXED}>
                <Link href={regionHref(region.code)} aria-current={region.code === regionCode ? "true" : undefined}>
                  {region.name}
                </Link>
              </th>
              <td className={RIGHT}>{numberFr.format(region.legalEntities)}</td>
              <td className={RIGHT}>{numberFr.format(region.eligibleLegalEntities)}</td>
              <td className={RIGHT}>{numberFr.format(region.candidatures)}</td>
              {FOLLOW_UP_STATUSES.map((status) => (
                <td key={status} className={RIGHT}>
                  {numberFr.format(region.byStatus[status])}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={FIXED}>
              France entière
            </th>
            <td className={RIGHT}>{numberFr.format(total.legalEntities)}</td>
            <td className={RIGHT}>{numberFr.format(total.eligibleLegalEntities)}</td>
            <td className={RIGHT}>{numberFr.format(total.candidatures)}</td>
            {FOLLOW_UP_STATUSES.map((status) => (
              <td key={status} className={RIGHT}>
                {numberFr.format(total.byStatus[status])}
              </td>
            ))}
          </tr>
        </tbody>
      </DataTable>

      <DataTable caption={`${followUp.guichet.label} : montants par région`}>
        <thead>
          <tr>
            <th scope="col" className={FIXED}>
              Région
            </th>
            <th scope="col" className={RIGHT}>
              EJ des dossiers transmis
            </th>
            <th scope="col" className={RIGHT}>
              {care ? "Enveloppes CaRE" : "Plafonds annuels"}
            </th>
            <th scope="col" className={RIGHT}>
              Demandé
            </th>
            <th scope="col" className={RIGHT}>
              {care ? "Dépenses éligibles" : "Éligible"}
            </th>
            <th scope="col" className={RIGHT}>
              Décidé
            </th>
            <th scope="col">Export</th>
          </tr>
        </thead>
        <tbody>
          {followUp.regions.map((region) => (
            <tr key={region.code}>
              <th scope="row" className={FIXED}>
                {region.name}
              </th>
              <td className={RIGHT}>{numberFr.format(region.legalEntitiesInDossiers)}</td>
              <td className={RIGHT}>{formatEuros(region.ceilings)}</td>
              <td className={RIGHT}>{formatEuros(region.requested)}</td>
              <td className={RIGHT}>{hasEligible ? formatEuros(region.eligible) : "—"}</td>
              <td className={RIGHT}>{formatEuros(region.decided)}</td>
              <td>
                <a href={exportHref("csv", region.code)} aria-label={`Export CSV de la région ${region.name}`}>
                  CSV
                </a>{" "}
                ·{" "}
                <a href={exportHref("xlsx", region.code)} aria-label={`Export Excel de la région ${region.name}`}>
                  XLSX
                </a>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className={FIXED}>
              France entière
            </th>
            <td className={RIGHT}>{numberFr.format(total.legalEntitiesInDossiers)}</td>
            <td className={RIGHT}>{formatEuros(total.ceilings)}</td>
            <td className={RIGHT}>{formatEuros(total.requested)}</td>
            <td className={RIGHT}>{hasEligible ? formatEuros(total.eligible) : "—"}</td>
            <td className={RIGHT}>{formatEuros(total.decided)}</td>
            <td />
          </tr>
        </tbody>
      </DataTable>

      {projects && (
        <section aria-labelledby="projets-aap-titre">
          <h2 id="projets-aap-titre">Projets AAP HOP&apos;EN2 par région et par thématique</h2>
          <ProjectCallFollowUpTable label={followUp.guichet.label} followUp={projects} />
        </section>
      )}

      {drillDown && (
        <section id="detail-region" aria-labelledby="detail-region-titre">
          <h2 id="detail-region-titre">{drillDown.region.name} : EJ des dossiers transmis</h2>
          <p>
            Exporter la région : <a href={exportHref("csv", drillDown.region.code)}>CSV</a> · <a href={exportHref("xlsx", drillDown.region.code)}>Excel (XLSX)</a>
          </p>
          {drillDown.rows.length === 0 ? (
            <p>Aucun dossier transmis dans cette région pour ce guichet.</p>
          ) : (
            <DataTable caption={`EJ de la région ${drillDown.region.name}`} hideCaption>
              <thead>
                <tr>
                  <th scope="col" className={FIXED}>
                    EJ
                  </th>
                  <th scope="col">Statut</th>
                  <th scope="col" className={RIGHT}>
                    Demandé
                  </th>
                  <th scope="col" className={RIGHT}>
                    {care ? "Dépenses éligibles" : "Éligible"}
                  </th>
                  <th scope="col" className={RIGHT}>
                    Décidé
                  </th>
                  <th scope="col" className={RIGHT}>
                    {care ? "Enveloppe CaRE" : "Plafond annuel"}
                  </th>
                  <th scope="col" className={RIGHT}>
                    Effectif SAE
                  </th>
                  <th scope="col">Dossier</th>
                </tr>
              </thead>
              <tbody>
                {drillDown.rows.map((row) => (
                  <tr key={`${row.dossierId}/${row.finess}`}>
                    <th scope="row" className={fr.cx("fr-cell--fixed", "fr-cell--multiline")}>
                      <Link href={`/admin/ej/${encodeURIComponent(row.finess)}`}>{row.name}</Link>
                      <span className={`${fr.cx("fr-cell__desc")} block`}>FINESS {row.finess}</span>
                    </th>
                    <td>
                      <DossierStatusBadge status={row.status} kind={drillDown.guichet.kind} />
                    </td>
                    <td className={RIGHT}>{euros(row.requested)}</td>
                    <td className={RIGHT}>{euros(row.eligible)}</td>
                    <td className={RIGHT}>{euros(row.decided)}</td>
                    <td className={RIGHT}>{formatEuros(row.ceiling)}</td>
                    <td className={RIGHT}>{numberFr.format(row.headcount)}</td>
                    <td>{row.dossierNumber}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}
