/**
 * The closed set of error codes that cross the UI/core boundary.
 * The UI and the CLI branch on these codes and translate them; message text is never parsed.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNSAFE_TEXT',
  'UNKNOWN_METHOD',
  'NOT_AUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'AUTH_FAILED',
  'WRONG_PASSWORD',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_REQUIRED',
  'USERNAME_TAKEN',
  'NUMBER_TAKEN',
  'LAST_ADMIN',
  'NOT_FOUND',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'DATA_DIR_UNAVAILABLE',
  'DATA_DIR_READONLY',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'INSTANCE_LOCKED',
  'TOOL_FAILED',
  'SOURCE_NOT_FOUND',
  'SOURCE_IS_ARCHIVE',
  'UNKNOWN_OFFICER',
  'CHECK_RUNNING',
  'ALARM_NEEDS_RESTORE',
  'BACKUP_RUNNING',
  'BACKUP_TARGET_RELATIVE',
  'BACKUP_TARGET_IN_ARCHIVE',
  'BACKUP_TARGET_TAKEN',
  'BACKUP_NOT_FOUND',
  'BACKUP_DAMAGED',
  'DATA_DIR_NOT_EMPTY',
  'NO_BACKUP_COPY',
  'CASE_NO_TAKEN',
  'CASE_NO_PATTERN',
  'HANDLER_NOT_OFFICER',
  'CASE_CLOSED_NEEDS_REASON',
  'EVIDENCE_FACTS_REQUIRED',
  'STALE_VERSION',
  'NOT_PLAYABLE',
  'ORIGINAL_CHANGED',
  'ORIGINAL_MISSING',
  'FONT_MISSING',
  'CANCELLED',
  'CASE_NO_EVIDENCE',
  'DISC_PLAN_BLOCKED',
  'DISC_JOB_RUNNING',
  'IMAGE_MISSING',
  'READBACK_MISMATCH',
  'DISC_ALREADY_BURNED',
  'IMAGE_DAMAGED',
  'NOT_A_PARTY',
  'OWN_REQUEST',
  'ALREADY_DECIDED',
  'NOT_APPROVER',
  'ITEM_UNAVAILABLE',
  'NOT_APPROVED',
  'GRANT_NOT_LIVE',
  'APPROVAL_USED',
  'RETENTION_TOO_SHORT',
  'ALREADY_LIFTED',
  'NOT_EXPIRED',
  'RECORD_HELD',
  'ON_DESTRUCTION_LIST',
  'OWN_LIST',
  'WITNESS_REQUIRED',
  'NOT_RESPONSIBLE_LEADER',
  'LIST_NOT_APPROVED',
  'LIST_EXECUTED',
  'DESTRUCTION_RUNNING',
  'CLOCK_BACKWARDS',
  'RECORD_DESTROYED',
  'DESTROY_NOT_VERIFIED',
  'VIEWING_CLOSED',
  'VIEWING_OPEN',
  'SESSION_LOCKED',
  'ITEM_OUT',
  'ALREADY_RETURNED',
  'NO_CANDIDATES',
  'CASE_NOT_DRAWN',
  'SPOT_CHECK_CLOSED',
  'NO_DRIVE',
  'NO_DISC',
  'DISC_NOT_BLANK',
  'DISC_TOO_SMALL',
  'STORE_UNAVAILABLE',
  'CORE_UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside the core; the dispatcher turns it into `{ok:false,error}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Any thrown value as a shape a row or an answer can keep: what isn't an AppError is INTERNAL. */
export function errorShape(e: unknown): AppErrorShape {
  return e instanceof AppError ? e.toShape() : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
