export { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, isAuditAction, type AuditAction } from "./actions";
export { recordAudit, recordAuditAlone, lockAuditChain, AUDIT_CHAIN_LOCK, type AuditActor, type AuditEntry, type AuditTransaction, type RecordedAudit } from "./record";
export { auditSubject, parseAuditSubject, type AuditSubject } from "./subjects";
