import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/admin/data-table";
import type { projectCallFollowUp } from "@/lib/dossiers/kinds/project-call/follow-up";
import { formatEuros } from "@/lib/funding/money";

type FollowUp = Awaited<ReturnType<typeof projectCallFollowUp>>;

const RIGHT = fr.cx("fr-cell--right");
const numberFr = new Intl.NumberFormat("fr-FR");

/** The AAP HOP'EN2 projects by region and theme, then by theme nationally (source 001: 50 % in 2026, 50 % in 2027). */
export function ProjectCallFollowUpTable({ label, followUp }: { label: string; followUp: FollowUp }) {
  const headCells = (
    <>
      <th scope="col">Thématique</th>
      <th scope="col" className={RIGHT}>
        Projets transmis
      </th>
      <th scope="col" className={RIGHT}>
        Retenus
      </th>
      <th scope="col" className={RIGHT}>
        Non retenus
      </th>
      <th scope="col" className={RIGHT}>
        Montant accordé
      </th>
      <th scope="col" className={RIGHT}>
        Versé en 2026 (50 %)
      </th>
      <th scope="col" className={RIGHT}>
        Versé en 2027 (50 %, objectifs validés)
      </th>
    </>
  );
  const cells = (cell: FollowUp["total"]) => (
    <>
      <td className={RIGHT}>{numberFr.format(cell.transmitted)}</td>
      <td className={RIGHT}>{numberFr.format(cell.retained)}</td>
      <td className={RIGHT}>{numberFr.format(cell.refused)}</td>
      <td className={RIGHT}>{formatEuros(cell.granted)}</td>
      <td className={RIGHT}>{formatEuros(cell.paid2026)}</td>
      <td className={RIGHT}>{formatEuros(cell.paid2027)}</td>
    </>
  );
  if (followUp.total.transmitted === 0) return <p>Aucun projet n&apos;a encore été transmis à ce guichet.</p>;
  return (
    <>
      <DataTable caption={`${label} : projets par région et par thématique`}>
        <thead>
          <tr>
            <th scope="col">Région</th>
            {headCells}
          </tr>
        </thead>
        <tbody>
          {followUp.rows.map((row) => (
            <tr key={`${row.regionCode}-${row.theme ?? ""}`}>
              <th scope="row">{row.regionName}</th>
              <td>{row.themeLabel}</td>
              {cells(row)}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DataTable caption={`${label} : projets par thématique (national)`}>
        <thead>
          <tr>{headCells}</tr>
        </thead>
        <tbody>
          {followUp.themes.map((theme) => (
            <tr key={theme.theme ?? "none"}>
              <th scope="row">{theme.themeLabel}</th>
              {cells(theme)}
            </tr>
          ))}
          <tr>
            <th scope="row">Total national</th>
            {cells(followUp.total)}
          </tr>
        </tbody>
      </DataTable>
    </>
  );
}
