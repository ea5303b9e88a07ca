/**
 * Every kind of audited action. A closed list so the Audit screen can translate and filter them;
 * later capabilities append their actions here.
 */
export const AUDIT_ACTIONS = [
  'system.initialized',
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.session_expired',
  'auth.password_changed',
  'account.created',
  'account.disabled',
  'account.enabled',
  'account.password_reset',
  'account.language_changed',
  'account.officer_no_changed',
  'device.registered',
  'device.changed',
  'device.retired',
  'device.reinstated',
  'record.officer_assigned',
  'settings.changed',
  'audit.verified',
  'import.started',
  'import.finished',
  'import.cancelled',
  'import.interrupted',
  'import.device_cleared',
  'absence.registered',
  'absence.withdrawn',
  'record.imported',
  'record.late_explained',
  'store.orphan_removed',
  'integrity.checked',
  'integrity.alarm_raised',
  'integrity.alarm_resolved',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
