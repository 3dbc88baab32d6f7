import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { getDb } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { smtpSettingsFromEnv } from "@/lib/notifications/smtp-transport";

export const metadata: Metadata = { title: "Boîte d'envoi des courriels" };

const PAGE_SIZE = 50;
const numberFr = new Intl.NumberFormat("fr-FR");

/** The status filter as it reads in the address bar. */
const FILTERS = {
  "en-attente": { status: "PENDING", label: "En attente" },
  envoyes: { status: "SENT", label: "Envoyés" },
} as const satisfies Record<string, { status: OutboxStatus; label: string }>;

type FilterKey = keyof typeof FILTERS;

function isFilterKey(value: string | undefined): value is FilterKey {
  return value !== undefined && Object.hasOwn(FILTERS, value);
}

function pageHref(filter: FilterKey | null, page: number): string {
  const params = new URLSearchParams();
  if (filter) params.set("statut", filter);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/admin/courriels${query ? `?${query}` : ""}`;
}

function smtpNote(): { configured: boolean; text: string } {
  try {
    const settings = smtpSettingsFromEnv();
    if (!settings) return { configured: false, text: "Aucun serveur SMTP n'est configuré : les courriels restent dans cette boîte d'envoi." };
    return {
      configured: true,
      text: `Les courriels en attente sont envoyés automatiquement par ${settings.description}, avec de nouvelles tentatives espacées en cas d'échec (jusqu'à une heure entre deux tentatives).`,
    };
  } catch {
    return { configured: false, text: "La configuration du serveur SMTP est invalide : les courriels restent dans cette boîte d'envoi." };
  }
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ statut?: string; page?: string }> }) {
  await requireRole("DNS_ADMIN", "/admin/courriels");
  const params = await searchParams;
  const filter = isFilterKey(params.statut) ? params.statut : null;
  const where = filter ? { status: FILTERS[filter].status } : {};
  const db = getDb();
  const [counts, total] = await Promise.all([db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }), db.outboxEmail.count({ where })]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const requested = Number.parseInt(params.page ?? "1", 10);
  const page = Number.isSafeInteger(requested) ? Math.min(Math.max(requested, 1), pageCount) : 1;
  const emails = await db.outboxEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const dossierIds = [...new Set(emails.map((email) => email.dossierId).filter((id): id is string => id !== null))];
  const dossiers = dossierIds.length > 0 ? await db.dossier.findMany({ where: { id: { in: dossierIds } }, select: { id: true, number: true } }) : [];
  const dossierNumbers = new Map(dossiers.map((dossier) => [dossier.id, dossier.number]));
  const countOf = (status: OutboxStatus) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const smtp = smtpNote();

  const tabs: { key: FilterKey | null; label: string; count: number }[] = [
    { key: null, label: "Tous", count: countOf("PENDING") + countOf("SENT") },
    { key: "en-attente", label: FILTERS["en-attente"].label, count: countOf("PENDING") },
    { key: "envoyes", label: FILTERS.envoyes.label, count: countOf("SENT") },
  ];

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin">Administration DNS</Link> › Boîte d&apos;envoi
      </p>
      <h1 className="text-3xl font-bold">Boîte d&apos;envoi des courriels</h1>
      <p>Les notifications envoyées aux établissements et aux ARS à chaque étape des dossiers, et les rappels de dossiers non transmis.</p>
      <p className={`border-l-4 px-4 py-3 ${smtp.configured ? "border-bleu-france bg-bleu-clair" : "border-avertissement bg-orange-50"}`} role="note">
        {smtp.text}
      </p>

      <nav aria-label="Filtrer par statut">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => {
            const current = tab.key === filter;
            return (
              <li key={tab.label}>
                <Link
                  href={pageHref(tab.key, 1)}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block border-2 px-3 py-1 ${current ? "border-bleu-france bg-bleu-clair font-semibold no-underline" : "border-gris-bordure"}`}
                >
                  {tab.label} ({numberFr.format(tab.count)})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {emails.length === 0 ? (
        <p>{filter ? `Aucun courriel ${FILTERS[filter].label.toLowerCase()}.` : "Aucun courriel pour l'instant."}</p>
      ) : (
        <ol className="space-y-4" aria-label={`Courriels, page ${page} sur ${pageCount}`}>
          {emails.map((email) => {
            const number = email.dossierId ? dossierNumbers.get(email.dossierId) : undefined;
            return (
              <li key={email.id} className="border border-gris-bordure p-4">
                <h2 className="font-semibold">{email.subject}</h2>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">Destinataire</dt>
                  <dd>{email.toAddress}</dd>
                  {number && (
                    <>
                      <dt className="font-semibold">Dossier</dt>
                      <dd>{number}</dd>
                    </>
                  )}
                  <dt className="font-semibold">Créé le</dt>
                  <dd>{formatParisInstant(email.createdAt)}</dd>
                  <dt className="font-semibold">Statut</dt>
                  <dd>
                    {email.status === "SENT" ? (
                      <span className="font-semibold text-succes">Envoyé le {email.sentAt ? formatParisInstant(email.sentAt) : "—"}</span>
                    ) : (
                      <>
                        <span className="font-semibold text-avertissement">En attente</span>
                        {email.attempts > 0 ? (
                          <>
                            {" "}
                            — {numberFr.format(email.attempts)} tentative{email.attempts > 1 ? "s" : ""} en échec, prochaine tentative le {formatParisInstant(email.nextAttemptAt)}
                          </>
                        ) : (
                          " — aucune tentative d'envoi pour l'instant"
                        )}
                      </>
                    )}
                  </dd>
                  {email.status === "PENDING" && email.lastError && (
                    <>
                      <dt className="font-semibold">Dernière erreur</dt>
                      <dd className="break-words font-mono text-xs text-erreur">{email.lastError}</dd>
                    </>
                  )}
                </dl>
                <details className="mt-3">
                  <summary className="cursor-pointer text-bleu-france">Texte du courriel</summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words bg-fond-alt p-3 font-sans text-sm">{email.textBody}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pagination" className="flex items-center gap-4">
          {page > 1 ? <Link href={pageHref(filter, page - 1)}>← Page précédente</Link> : <span aria-hidden="true" />}
          <span>
            Page {page} sur {pageCount}
          </span>
          {page < pageCount && <Link href={pageHref(filter, page + 1)}>Page suivante →</Link>}
        </nav>
      )}
    </div>
  );
}
