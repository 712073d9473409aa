/**
 * Every kind of audit entry the server writes (`runtime/domain/security-types.ts`
 * `AuditEntry.kind`): the designer words each in English and Russian
 * (`access.audit.kinds.*`, checked by `tests/unit/designer/audit-wording.test.ts`).
 */
export const AUDIT_KINDS = [
  'account.created',
  'account.updated',
  'account.password_changed',
  'account.password_reset',
  'audit.exported',
  'auth.session_revoked',
  'auth.setup',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'delivery.dropped',
  'directory.created',
  'directory.removed',
  'directory.updated',
  'hook.received',
  'hook.regenerated',
  'model.created',
  'model.draft_discarded',
  'model.draft_saved',
  'model.published',
  'model.rolled_back',
  'outbox.replayed',
  'record.created',
  'record.deleted',
  'record.event',
  'record.exported',
  'record.linked',
  'record.moved',
  'record.purged',
  'record.restored',
  'record.updated',
  'role.created',
  'role.deleted',
  'role.updated',
  'setting.changed',
  'task.completed',
  'timer.cancelled',
  'timer.retried',
  'token.created',
  'token.revoked',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Details a server writes in its own words, as codes, so the designer words them in
 * the reader's language (`designer/src/i18n` `access.audit.detail.<code>`).
 */
export const AUDIT_DETAIL_CODES = [
  'account_inactive',
  'wrong_password',
  'owner_from_env',
  'sessions_ended',
  'kept_until',
  'links_dropped',
  'retention_expired',
  'revision',
  'back_to_version',
  'hook_regenerated',
  'dead_letter_dropped',
  'replayed',
  'audit_exported',
  'audit_exported_truncated',
  'records_exported',
] as const;
export type AuditDetailCode = (typeof AUDIT_DETAIL_CODES)[number];
