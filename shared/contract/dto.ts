import { z } from 'zod';
import { ROLES } from '../roles.js';
import { ERROR_CODES } from '../errors.js';
import { EQUIPMENT_NO_PATTERN, LIMITS, UNIT_CODE_PATTERN, USERNAME_PATTERN } from './limits.js';
import { AUDIT_ACTIONS } from '../audit-actions.js';
import { isAbsolutePath } from '../rules/paths.js';
import { casePatternProblem } from '../rules/case-number.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const roleSchema = z.enum(ROLES);

export const usernameSchema = z
  .string()
  .trim()
  .min(LIMITS.usernameMin)
  .max(LIMITS.usernameMax)
  .regex(USERNAME_PATTERN);
export const equipmentNoSchema = z.string().trim().regex(EQUIPMENT_NO_PATTERN);
export const displayNameSchema = z.string().trim().min(1).max(LIMITS.displayNameMax);
export const passwordSchema = z.string().min(1).max(LIMITS.passwordMax);
export const officeNameSchema = z.string().trim().min(1).max(LIMITS.officeNameMax);
export const unitCodeSchema = z.string().trim().min(1).max(LIMITS.unitCodeMax).regex(UNIT_CODE_PATTERN);
/** ISO-8601 instant, always UTC with a Z; the UI formats it for the reader. */
export const instantSchema = z.string().datetime();

export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  language: languageSchema,
  createdAt: instantSchema,
  lastLoginAt: instantSchema.nullable(),
  lockedUntil: instantSchema.nullable(),
  officerNo: z.string().nullable(),
});
export type AccountDto = z.infer<typeof accountSchema>;

export const deviceSchema = z.object({
  id: z.number().int(),
  deviceNo: z.string(),
  label: z.string(),
  officerId: z.number().int().nullable(),
  officerName: z.string().nullable(),
  retired: z.boolean(),
  createdAt: instantSchema,
});
export type DeviceDto = z.infer<typeof deviceSchema>;

export const officeSchema = z.object({ name: officeNameSchema, unitCode: unitCodeSchema });
export type OfficeDto = z.infer<typeof officeSchema>;

export const securitySettingsSchema = z.object({
  sessionIdleMinutes: z.number().int().min(1).max(480),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

const NAME_GROUPS = new Set(['device', 'officer', 'ts', 'date', 'time', 'seq']);

/** A pattern must compile and use only the groups the parser knows. */
export function namePatternProblem(regex: string): 'invalid' | 'unknown_group' | null {
  try {
    new RegExp(regex);
  } catch {
    return 'invalid';
  }
  const groups = [...regex.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] ?? '');
  return groups.every((g) => NAME_GROUPS.has(g)) ? null : 'unknown_group';
}

export const ingestSettingsSchema = z.object({
  namePatterns: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(40),
        regex: z.string().min(1).max(300).refine((r) => namePatternProblem(r) === null),
      }),
    )
    .max(20),
  importantMarks: z.array(z.string().trim().min(1).max(20)).max(20),
  /** Folders offered as sources beside the drives: a docking station's share, a card reader's mount. */
  sourceFolders: z.array(z.string().trim().min(1).max(LIMITS.pathMax).refine(isAbsolutePath)).max(10),
});
export type IngestSettings = z.infer<typeof ingestSettingsSchema>;

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The upload deadline in force, the office's working calendar and its time zone. */
export const timelinessSettingsSchema = z.object({
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('hours'), hours: z.number().int().min(1).max(24 * 14) }),
    z.object({ kind: z.literal('workdays'), days: z.number().int().min(1).max(30) }),
  ]),
  calendar: z.object({ holidays: z.array(daySchema).max(400), workdays: z.array(daySchema).max(400) }),
  timeZone: z.string().min(1).max(64).refine(knownTimeZone),
  /** A recording dated this far past its import means the camera's clock runs ahead. */
  clockAheadMinutes: z.number().int().min(1).max(24 * 60),
});
export type TimelinessSettings = z.infer<typeof timelinessSettingsSchema>;

/** How often every original is re-hashed: the scheduled rotation covers the whole store once per this many days. */
export const integritySettingsSchema = z.object({
  rotationDays: z.number().int().min(1).max(365),
});
export type IntegritySettings = z.infer<typeof integritySettingsSchema>;

/** The office's case-number pattern (a regular expression, Unicode). */
export const caseSettingsSchema = z.object({
  numberPattern: z.string().min(1).max(300).refine((p) => casePatternProblem(p) === null),
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

export const errorShapeSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const systemStatusSchema = z.object({
  state: z.enum(['setup', 'ready', 'error']),
  office: officeSchema.nullable(),
  error: errorShapeSchema.nullable(),
  version: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
  defaultLanguage: languageSchema,
  demo: z.boolean(),
  /** The office's time zone (IANA name): every time the UI shows is in it, whoever is signed in. */
  timeZone: z.string(),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: instantSchema,
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  workstation: z.string(),
  action: auditActionSchema,
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /**
   * What the ids the event mentions are called now, filled in when listed: "record:3" → its file
   * name, "case:1" → its number, "account:2" → the person, "device:1" → the camera's number.
   */
  names: z.record(z.string(), z.string()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_mismatch', 'gap']) })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
