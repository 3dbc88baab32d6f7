/**
 * Every action the audit records (issue 14 §2), grouped, each with the French label the DNS reads
 * on the audit page. An action not listed here cannot be written: `recordAudit` takes an
 * {@link AuditAction}, and the lint test (tests/unit/lint/audit-writes.test.ts) refuses any other
 * writer of AuditEvent.
 */
export const AUDIT_ACTION_GROUPS = {
  "Connexion et sécurité du compte": {
    "auth.sign-in.password-verified": "Mot de passe vérifié",
    "auth.sign-in.succeeded": "Connexion réussie",
    "auth.sign-in.failed": "Échec de connexion (mot de passe erroné)",
    "auth.sign-in.unknown-email": "Échec de connexion (adresse inconnue)",
    "auth.sign-in.disabled": "Connexion refusée (compte désactivé)",
    "auth.sign-in.throttled": "Connexion bloquée (trop de tentatives)",
    "auth.sign-in.second-factor-failed": "Second facteur erroné",
    "auth.password-reset.requested": "Réinitialisation du mot de passe demandée",
    "auth.password-reset.unknown-email": "Réinitialisation demandée pour une adresse inconnue",
    "auth.second-factor.enrolled": "Second facteur ajouté",
    "auth.second-factor.removed": "Second facteur retiré",
    "auth.recovery-codes.renewed": "Codes de secours renouvelés",
  },
  "Connexion par identité fédérée": {
    "auth.sso.signed-in": "Connexion par identité fédérée",
    "auth.sso.linked": "Identité fédérée associée au compte",
    "auth.sso.unknown": "Identité fédérée sans compte",
    "auth.sso.unverified-email": "Identité fédérée refusée (adresse non vérifiée)",
    "auth.sso.mismatch": "Identité fédérée refusée (comptes en conflit)",
    "auth.sso.disabled": "Identité fédérée refusée (compte désactivé)",
    "auth.sso.refused-mfa": "Identité fédérée refusée (second facteur requis)",
  },
  "Comptes": {
    "account.password.set": "Mot de passe choisi par lien",
    "account.request.submitted": "Demande de compte déposée",
    "account.request.email-confirmed": "Adresse de la demande confirmée",
    "account.request.approved": "Demande de compte acceptée",
    "account.request.refused": "Demande de compte refusée",
    "account.team.invited": "Référent invité dans l'équipe",
    "account.team.removed": "Référent retiré de l'équipe",
    "account.team.dossiers-handed-over": "Dossiers confiés à un autre référent",
  },
  "Administration (DNS)": {
    "admin.account.created": "Compte créé",
    "admin.account.enabled": "Compte réactivé",
    "admin.account.disabled": "Compte désactivé",
    "admin.account.password-link": "Lien de mot de passe envoyé",
    "admin.account.referent.removed": "Rattachement à un EJ retiré",
    "admin.account.second-factor-reset": "Seconds facteurs réinitialisés",
    "admin.care-envelope.set": "Enveloppe CaRE fixée à la main",
    "admin.guichet.created": "Guichet créé",
    "admin.guichet.updated": "Guichet modifié",
    "admin.derogation.created": "Dérogation accordée",
    "admin.derogation.revoked": "Dérogation révoquée",
    "admin.export": "Export du suivi national",
    "demo.clock.set": "Date de démonstration modifiée",
  },
  "Dossiers et pièces": {
    "dossier.draft.saved": "Brouillon de dossier enregistré",
    "dossier.receipt.download": "Récépissé téléchargé",
    "file.upload": "Pièce déposée",
    "file.download": "Pièce téléchargée",
    "file.infected": "Pièce infectée mise en quarantaine (antivirus)",
  },
  "API des systèmes d'information": {
    "api.call": "Appel de l'API",
    "api.token.created": "Jeton d'API créé",
    "api.token.revoked": "Jeton d'API révoqué",
    "self-assessment.created": "Autoévaluation créée",
    "self-assessment.duplicated": "Autoévaluation dupliquée",
    "self-assessment.validated": "Autoévaluation validée",
  },
  "Instruction": {
    "ars.export": "Export de la file d'instruction (ARS)",
    "ans.export": "Export de la file d'instruction (ANS)",
  },
  "Journal d'audit": {
    "audit.chain.started": "Début du chaînage du journal",
  },
} as const satisfies Record<string, Record<string, string>>;

type Groups = typeof AUDIT_ACTION_GROUPS;
export type AuditAction = { [G in keyof Groups]: keyof Groups[G] }[keyof Groups];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = Object.assign({}, ...Object.values(AUDIT_ACTION_GROUPS));

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The French label of a stored action; an unknown one (a row older than this list) is shown as stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}
