import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { auditOfSubject } from "@/lib/audit/read";
import { parseAuditSubject } from "@/lib/audit/subjects";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { calendarDateFromDb, formatCalendarDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Journal d'audit — Administration DNS" };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The audit of one subject (issue 14 §2): `?sujet=user:<id>`, `dossier:<id>`, `legal-entity:<finess>`… DNS only. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = single(params.sujet);
  const user = await requireRole("DNS_ADMIN", `/admin/audit${raw ? `?sujet=${encodeURIComponent(raw)}` : ""}`);
  const subject = raw ? parseAuditSubject(raw) : null;
  const requestedPage = Number.parseInt(single(params.page), 10);
  const audit = subject ? await loadForPage(auditOfSubject(getDb(), user, subject, { page: Number.isFinite(requestedPage) ? requestedPage : 1 })) : null;
  const href = (page: number) => `/admin/audit?${new URLSearchParams({ sujet: subject ?? "", ...(page > 1 ? { page: String(page) } : {}) }).toString()}`;
  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Journal d'audit" />
      <h1>Journal d&apos;audit{audit ? ` — ${audit.title}` : ""}</h1>
      <p>
        Chaque ligne du journal porte l&apos;empreinte SHA-256 de son contenu et de la ligne précédente : la colonne « Chaîne » dit si la ligne est restée telle
        qu&apos;elle a été écrite. La vérification complète du journal se lance avec <code>npm run audit:verify</code>.
      </p>
      <form method="get" aria-label="Choisir le sujet du journal" className={fr.cx("fr-mb-4w")}>
        <div className="flex flex-wrap items-end gap-4">
          <Input
            label="Sujet"
            hintText="Par exemple user:<identifiant>, dossier:<identifiant>, legal-entity:<FINESS EJ>, guichet:<identifiant>"
            className={fr.cx("fr-mb-0")}
            nativeInputProps={{ id: "sujet", name: "sujet", defaultValue: raw, required: true, maxLength: 300 }}
            state={raw && !subject ? "error" : "default"}
            stateRelatedMessage={raw && !subject ? "Ce sujet n'est pas de la forme type:identifiant (user, dossier, legal-entity, guichet…)." : undefined}
          />
          <Button type="submit" priority="secondary">
            Afficher
          </Button>
        </div>
      </form>
      {audit && (
        <section aria-labelledby="journal-lignes">
          <h2 id="journal-lignes" className={fr.cx("fr-h4")}>
            {audit.total === 0 ? "Aucune ligne" : `${audit.total} ligne${audit.total > 1 ? "s" : ""}`}
          </h2>
          {audit.broken > 0 ? (
            <Alert
              severity="error"
              small
              className={fr.cx("fr-mb-2w")}
              description={`${audit.broken} ligne(s) de cette page ne correspondent plus à la chaîne d'audit : elles ont été modifiées, ou une ligne voisine a été supprimée, après leur écriture. Lancez npm run audit:verify et prévenez l'équipe technique.`}
            />
          ) : (
            audit.total > 0 && (
              <p className={fr.cx("fr-text--sm")}>
                Les lignes de cette page sont intègres.
                {audit.latestDigest &&
                  ` Dernier condensé journalier : ${formatCalendarDate(calendarDateFromDb(audit.latestDigest.day))} (${audit.latestDigest.rows} lignes chaînées jusqu'à la ligne ${audit.latestDigest.lastId}).`}
              </p>
            )
          )}
          {audit.total > 0 && <AuditTable caption={`Journal d'audit — ${audit.title}`} rows={audit.rows} />}
          {audit.pageCount > 1 && <Pagination count={audit.pageCount} defaultPage={audit.page} showFirstLast getPageLinkProps={(page) => ({ href: href(page) })} />}
        </section>
      )}
    </>
  );
}
