import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import type { Metadata } from "next";
import { readMailbox, type MailboxEmail } from "@/lib/admin/mailbox";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { getDb } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { smtpSettingsFromEnv } from "@/lib/notifications/smtp-transport";

export const metadata: Metadata = { title: "Boîte d'envoi des courriels" };

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

function Status({ email }: { email: MailboxEmail }) {
  if (email.status === "SENT") {
    return (
      <Badge as="span" small severity="success">
        Envoyé
      </Badge>
    );
  }
  return (
    <Badge as="span" small severity={email.attempts > 0 ? "warning" : "info"}>
      En attente
    </Badge>
  );
}

/** Every date here is on the portal's clock (simulated in demo, like the banner): lib/admin/mailbox.ts. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ statut?: string; page?: string }> }) {
  const user = await requireRole("DNS_ADMIN", "/admin/courriels");
  const params = await searchParams;
  const filter = isFilterKey(params.statut) ? params.statut : null;
  const mailbox = await readMailbox(getDb(), user, { status: filter ? FILTERS[filter].status : null, page: Number.parseInt(params.page ?? "1", 10) });
  const { counts, emails, page, pageCount } = mailbox;
  const smtp = smtpNote();

  const tabs: { key: FilterKey | null; label: string; count: number }[] = [
    { key: null, label: "Tous", count: counts.PENDING + counts.SENT },
    { key: "en-attente", label: FILTERS["en-attente"].label, count: counts.PENDING },
    { key: "envoyes", label: FILTERS.envoyes.label, count: counts.SENT },
  ];
  const [firstTab, ...otherTabs] = tabs.map((tab) => {
    const current = tab.key === filter;
    return {
      children: `${tab.label} (${numberFr.format(tab.count)})`,
      priority: current ? ("primary" as const) : ("secondary" as const),
      linkProps: { href: pageHref(tab.key, 1), "aria-current": current ? ("page" as const) : undefined },
    };
  });

  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Boîte d'envoi" />
      <h1>Boîte d&apos;envoi des courriels</h1>
      <p>Les notifications envoyées aux établissements et aux ARS à chaque étape des dossiers, et les rappels de dossiers non transmis.</p>
      <Alert className={fr.cx("fr-mb-4w")} small severity={smtp.configured ? "info" : "warning"} role={undefined} description={smtp.text} />

      <nav aria-label="Filtrer par statut">
        <ButtonsGroup inlineLayoutWhen="always" buttonsSize="small" buttons={[firstTab!, ...otherTabs]} />
      </nav>

      {emails.length === 0 ? (
        <p>{filter ? `Aucun courriel ${FILTERS[filter].label.toLowerCase()}.` : "Aucun courriel pour l'instant."}</p>
      ) : (
        <ol className={fr.cx("fr-raw-list")} aria-label={`Courriels, page ${page} sur ${pageCount}`}>
          {emails.map((email) => (
            <li key={email.id} className={fr.cx("fr-mb-3w")}>
              <Card
                titleAs="h2"
                size="small"
                title={email.subject}
                start={<Status email={email} />}
                desc={`À ${email.toAddress}${email.dossierNumber ? ` — dossier ${email.dossierNumber}` : ""}`}
                end={
                  <dl className={fr.cx("fr-text--sm", "fr-mb-0")}>
                    <div className="flex flex-wrap gap-2">
                      <dt className={fr.cx("fr-text--bold")}>Créé le</dt>
                      <dd>{formatParisInstant(email.createdAt)}</dd>
                    </div>
                    {email.status === "SENT" ? (
                      <div className="flex flex-wrap gap-2">
                        <dt className={fr.cx("fr-text--bold")}>Envoyé le</dt>
                        <dd>{email.sentAt ? formatParisInstant(email.sentAt) : "—"}</dd>
                      </div>
                    ) : (
                      <div className="flex flex-wrap gap-2">
                        <dt className={fr.cx("fr-text--bold")}>Envoi</dt>
                        <dd>
                          {email.attempts > 0
                            ? `${numberFr.format(email.attempts)} tentative${email.attempts > 1 ? "s" : ""} en échec, prochaine tentative le ${formatParisInstant(email.nextAttemptAt)}`
                            : "aucune tentative d'envoi pour l'instant"}
                        </dd>
                      </div>
                    )}
                    {email.status === "PENDING" && email.lastError && (
                      <div className="flex flex-wrap gap-2">
                        <dt className={fr.cx("fr-text--bold")}>Dernière erreur</dt>
                        <dd className="break-words">
                          <code>{email.lastError}</code>
                        </dd>
                      </div>
                    )}
                  </dl>
                }
                footer={
                  <Accordion label="Texte du courriel" titleAs="h3">
                    <pre className={`${fr.cx("fr-text--sm")} whitespace-pre-wrap break-words`}>{email.textBody}</pre>
                  </Accordion>
                }
              />
            </li>
          ))}
        </ol>
      )}

      {pageCount > 1 && <Pagination className={fr.cx("fr-mt-4w")} count={pageCount} defaultPage={page} getPageLinkProps={(target) => ({ href: pageHref(filter, target) })} />}
    </>
  );
}
