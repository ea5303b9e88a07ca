import { z } from 'zod';
import type { Permission } from '../roles.js';
import {
  accountSchema,
  auditActionSchema,
  auditEventSchema,
  auditVerifySchema,
  deviceSchema,
  displayNameSchema,
  equipmentNoSchema,
  ingestSettingsSchema,
  timelinessSettingsSchema,
  integritySettingsSchema,
  caseSettingsSchema,
  instantSchema,
  languageSchema,
  officeNameSchema,
  officeSchema,
  passwordSchema,
  roleSchema,
  securitySettingsSchema,
  systemStatusSchema,
  unitCodeSchema,
  usernameSchema,
} from './dto.js';
import { LIMITS } from './limits.js';
import { playbackSchema } from './playback-dto.js';
import { timelineSchema } from './timeline-dto.js';
import { caseDetailSchema, caseFieldsSchema, caseSchema, evidenceFactsSchema } from './cases-dto.js';
import { CASE_KINDS, CASE_STATUSES } from '../rules/case-number.js';
import { alarmSchema, backupRunSchema, backupTargetSchema, fixityRunDetailSchema, fixityScopeSchema, integrityStatusSchema, recordIntegrityHistorySchema } from './integrity-dto.js';
import { discDetailSchema, discHealthSchema, discJobSchema, discMediumSchema, discPlanSchema, discSchema, driveSchema } from './discs-dto.js';
import { APPROVER_ROLES, REQUEST_KINDS, REQUEST_STATES, approvalRuleSchema, requestCaseSchema, requestItemSchema, requestSchema, requesterSchema, windowSchema } from './requests-dto.js';
import { VIEWING_EVENTS, viewingSchema } from './viewings-dto.js';
import { loanDaySchema, loanSchema } from './loans-dto.js';
import { DESTRUCTION_STATES, destructionJobSchema, destructionListDetailSchema, destructionListSchema, destructionSummarySchema } from './destruction-dto.js';
import { MANUAL_HOLD_KINDS, recordRetentionSchema, retentionHoldSchema, retentionPolicySchema, retentionReviewSchema } from './retention-dto.js';
import { ledgerDueSchema, ledgerExportSchema, ledgerFactsSchema, ledgerMarkSchema, ledgerQuerySchema, ledgerSchema } from './ledgers-dto.js';
import { documentSchema, loanFiltersSchema, registerExportSchema, viewingFiltersSchema } from './registers-dto.js';
import { statisticsQuerySchema, statisticsSchema } from './statistics-dto.js';
import { roomRegisterQuerySchema, roomValueSchema } from './room-registers.js';
import { FINDING_TEXT_MAX, VERDICTS, spotCheckDrawSchema, spotCheckSchema, spotCheckSummarySchema } from './spot-checks-dto.js';
import { absenceSchema, importJobSchema, importOptionsSchema, mediaTypeSchema, recordSchema, sourcePreviewSchema, sourceSchema, wallClockSchema } from './records-dto.js';

/**
 * Who may call a method: anyone (before login), any signed-in account, or holders of a permission.
 * The dispatcher enforces this; the UI only mirrors it.
 */
export type Access = 'public' | 'session' | Permission;

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Answers a session locked in a viewing's viewer; every other method is refused there (SESSION_LOCKED). */
  viewer?: true;
  /**
   * Needs the app's screen: playing (a view is audited as seen when its ticket is issued) and the
   * viewer. The command line can't show a picture, so it never offers these (UNKNOWN_METHOD there).
   */
  screen?: true;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

const empty = z.object({}).strict();
const settingsSchema = z.object({
  office: officeSchema,
  security: securitySettingsSchema,
  ingest: ingestSettingsSchema,
  timeliness: timelinessSettingsSchema,
  integrity: integritySettingsSchema,
  cases: caseSettingsSchema,
  storeDir: z.string(),
});
const done = z.object({ done: z.literal(true) });

/** The one contract between the UI (and the CLI) and the core. */
export const METHODS = {
  // First run and signing in
  'system.status': method({ input: empty, output: systemStatusSchema, access: 'public' }),
  'system.setup': method({
    input: z
      .object({
        officeName: officeNameSchema,
        unitCode: unitCodeSchema,
        admin: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
        /** Where evidence files go; another drive is fine. Default: the data folder's `store`. */
        storeDir: z.string().trim().max(LIMITS.pathMax).optional(),
      })
      .strict(),
    output: z.object({ account: accountSchema }),
    access: 'public',
  }),
  'auth.login': method({
    input: z.object({ username: z.string().trim().min(1).max(LIMITS.usernameMax), password: passwordSchema }).strict(),
    /** `previousLoginAt` lets the user spot a sign-in that wasn't theirs. */
    output: z.object({ token: z.string(), account: accountSchema, idleMinutes: z.number().int(), previousLoginAt: instantSchema.nullable() }),
    access: 'public',
  }),
  'auth.logout': method({ input: empty, output: done, access: 'session' }),
  'auth.me': method({ input: empty, output: accountSchema, access: 'session', viewer: true }),
  'auth.changePassword': method({
    input: z.object({ oldPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: done,
    access: 'session',
  }),
  // Not part of the viewer: a language picked there would be saved on the keeper's account.
  'auth.setLanguage': method({
    input: z.object({ language: languageSchema }).strict(),
    output: accountSchema,
    access: 'session',
  }),
  // Accounts, cameras and settings (administration)
  'accounts.list': method({ input: empty, output: z.array(accountSchema), access: 'accounts.read' }),
  'accounts.create': method({
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: roleSchema,
        isAdmin: z.boolean(),
        password: passwordSchema,
        officerNo: equipmentNoSchema.optional(),
      })
      .strict(),
    output: accountSchema,
    access: 'accounts.manage',
  }),
  'accounts.setOfficerNo': method({
    input: z.object({ id: z.number().int().positive(), officerNo: equipmentNoSchema.nullable() }).strict(),
    output: accountSchema,
    access: 'accounts.manage',
  }),
  'accounts.setDisabled': method({
    input: z.object({ id: z.number().int().positive(), disabled: z.boolean() }).strict(),
    output: accountSchema,
    access: 'accounts.manage',
  }),
  'accounts.resetPassword': method({
    input: z.object({ id: z.number().int().positive(), password: passwordSchema }).strict(),
    output: accountSchema,
    access: 'accounts.manage',
  }),
  'devices.list': method({ input: empty, output: z.array(deviceSchema), access: 'session' }),
  /** Registers a camera (no id) or changes its label or officer. */
  'devices.save': method({
    input: z
      .object({
        id: z.number().int().positive().optional(),
        deviceNo: equipmentNoSchema,
        label: z.string().trim().max(LIMITS.displayNameMax),
        officerId: z.number().int().positive().nullable(),
      })
      .strict(),
    output: deviceSchema,
    access: 'devices.manage',
  }),
  'devices.setRetired': method({
    input: z.object({ id: z.number().int().positive(), retired: z.boolean() }).strict(),
    output: deviceSchema,
    access: 'devices.manage',
  }),
  /** The store path and security policy are the administrator's business; every session reads the office's zone from system.status. */
  'settings.get': method({
    input: empty,
    output: settingsSchema,
    access: 'settings.manage',
  }),
  'settings.update': method({
    input: z
      .object({
        office: officeSchema.optional(),
        security: securitySettingsSchema.optional(),
        ingest: ingestSettingsSchema.optional(),
        timeliness: timelinessSettingsSchema.optional(),
        integrity: integritySettingsSchema.optional(),
        cases: caseSettingsSchema.optional(),
      })
      .strict(),
    output: settingsSchema,
    access: 'settings.manage',
  }),
  // The audit log
  'audit.list': method({
    input: z
      .object({
        from: instantSchema.optional(),
        to: instantSchema.optional(),
        actorId: z.number().int().positive().optional(),
        action: auditActionSchema.optional(),
        text: z.string().max(LIMITS.textFilterMax).optional(),
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(LIMITS.auditPageMax).default(100),
      })
      .strict(),
    output: z.object({ events: z.array(auditEventSchema), total: z.number().int(), nextBeforeSeq: z.number().int().nullable() }),
    access: 'audit.read',
  }),
  'audit.verify': method({ input: empty, output: auditVerifySchema, access: 'audit.read' }),
  // Import: the one way in, and officers away on duty
  /** Starts importing a camera drive or folder; the job runs on in the core and reports progress as push events. */
  'import.start': method({
    input: z.object({ source: z.string().trim().min(1).max(LIMITS.pathMax), options: importOptionsSchema.optional() }).strict(),
    output: z.object({ jobId: z.number().int() }),
    access: 'records.import',
  }),
  /** Removable drives plugged in now and the configured folders; the Import screen polls it. */
  'import.sources': method({ input: empty, output: z.array(sourceSchema), access: 'records.import' }),
  'import.preview': method({
    input: z.object({ source: z.string().trim().min(1).max(LIMITS.pathMax) }).strict(),
    output: sourcePreviewSchema,
    access: 'records.import',
  }),
  'import.get': method({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: importJobSchema, access: 'records.import' }),
  'import.cancel': method({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: importJobSchema, access: 'records.import' }),
  'import.recent': method({ input: empty, output: z.array(importJobSchema), access: 'records.import' }),
  /** Officers away on duty: recordings made meanwhile are due counting from the return (REQUIREMENTS §1). */
  'absences.list': method({ input: z.object({ officerId: z.number().int().positive().optional() }).strict(), output: z.array(absenceSchema), access: 'records.import' }),
  'absences.add': method({
    input: z.object({ officerId: z.number().int().positive(), startsAt: wallClockSchema, returnedAt: wallClockSchema, reason: z.string().trim().min(1).max(500) }).strict(),
    output: absenceSchema,
    access: 'records.import',
  }),
  'absences.withdraw': method({
    input: z.object({ id: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict(),
    output: absenceSchema,
    access: 'records.import',
  }),
  // Records: the library, a camera's day, playback, the keeper's corrections
  /** The library: every filter combines; text search works for Chinese (trigram index). */
  'records.list': method({
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: z.number().int().positive().optional(),
        importJobId: z.number().int().positive().optional(),
        text: z.string().trim().max(100).optional(),
        officerId: z.number().int().positive().optional(),
        deviceNo: equipmentNoSchema.optional(),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        caseId: z.number().int().positive().optional(),
        mediaType: mediaTypeSchema.optional(),
        linked: z.enum(['linked', 'unlinked']).optional(),
        late: z.boolean().optional(),
        important: z.boolean().optional(),
        integrity: z.enum(['unchecked', 'ok', 'alarm']).optional(),
        /** A retention class, or ended before the office's today (expired) or ending within 30 days (expiring). */
        retention: z.enum(['evidence', 'standard', 'expired', 'expiring']).optional(),
      })
      .strict(),
    /** `totalCapped`: there are more than `total` (counting stops at 10,000). */
    output: z.object({ records: z.array(recordSchema), total: z.number().int(), totalCapped: z.boolean(), nextBeforeId: z.number().int().nullable() }),
    access: 'records.browse',
  }),
  /** Poster frames for a page of the library, as data URLs (small JPEGs): one call per page, no file route needed. */
  'records.posters': method({
    input: z.object({ ids: z.array(z.number().int().positive()).max(LIMITS.postersPerCall) }).strict(),
    output: z.array(z.object({ recordId: z.number().int(), dataUrl: z.string() })),
    access: 'records.browse',
  }),
  /** One camera's day in time order with the gaps between clips, so interruptions show. */
  'records.timeline': method({
    input: z.object({ deviceNo: equipmentNoSchema, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    output: timelineSchema.extend({ days: z.array(z.object({ day: z.string(), clips: z.number().int() })) }),
    access: 'records.browse',
  }),
  /** Opens a view of a record: a ticket for the media route, which copy is shown, the watermark. Audited. */
  'records.play': method({ input: z.object({ recordId: z.number().int().positive() }).strict(), output: playbackSchema, access: 'records.play', screen: true }),
  'records.stopPlaying': method({ input: z.object({ ticket: z.string().min(1).max(100) }).strict(), output: done, access: 'session', viewer: true, screen: true }),
  'records.integrity': method({ input: z.object({ recordId: z.number().int().positive() }).strict(), output: recordIntegrityHistorySchema, access: 'records.read' }),
  'records.assignOfficer': method({
    input: z.object({ recordId: z.number().int().positive(), officerId: z.number().int().positive(), note: z.string().trim().max(500).optional() }).strict(),
    output: recordSchema,
    access: 'records.import',
  }),
  /** The keeper records why a record arrived late (remote duty, …); appended, never edited. */
  'records.explainLate': method({
    input: z.object({ recordId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict(),
    output: recordSchema,
    access: 'records.import',
  }),
  // Cases and their evidence
  'cases.list': method({
    input: z
      .object({
        text: z.string().trim().max(LIMITS.textFilterMax).optional(),
        kind: z.enum(CASE_KINDS).optional(),
        status: z.enum(CASE_STATUSES).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        beforeId: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ cases: z.array(caseSchema), total: z.number().int() }),
    access: 'cases.read',
  }),
  'cases.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: caseDetailSchema, access: 'cases.read' }),
  'cases.create': method({ input: z.object({ fields: caseFieldsSchema }).strict(), output: caseDetailSchema, access: 'cases.manage' }),
  /** Changes a case as loaded (`version`); someone else's change in between is STALE_VERSION. */
  'cases.update': method({
    input: z.object({ id: z.number().int().positive(), version: z.number().int().positive(), fields: caseFieldsSchema }).strict(),
    output: caseDetailSchema,
    access: 'cases.manage',
  }),
  /** Links records as evidence (with the written-description facts) or other material; batch-friendly. */
  /** What the county ledger asks of the case (台账信息); each changed fact is an event of its history. */
  'cases.setLedgerFacts': method({
    input: z.object({ id: z.number().int().positive(), version: z.number().int().positive(), facts: ledgerFactsSchema }).strict(),
    output: caseDetailSchema,
    access: 'cases.manage',
  }),
  'cases.link': method({
    input: z
      .object({
        caseId: z.number().int().positive(),
        recordIds: z.array(z.number().int().positive()).min(1).max(LIMITS.batchMax),
        role: z.enum(['evidence', 'other']),
        facts: evidenceFactsSchema.optional(),
        reason: z.string().trim().max(500).optional(),
      })
      .strict(),
    output: caseDetailSchema,
    access: 'cases.manage',
  }),
  'cases.unlink': method({
    input: z.object({ linkId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict(),
    output: caseDetailSchema,
    access: 'cases.manage',
  }),
  // Integrity and backup
  /** Integrity at a glance: the running and last check, coverage of the rotation, open alarms. */
  'integrity.status': method({ input: empty, output: integrityStatusSchema, access: 'integrity.read' }),
  /** Re-hashes originals now (all, imported since, or a sample); the check runs on in the core. */
  'integrity.check': method({
    input: z.object({ scope: fixityScopeSchema.refine((s) => s.kind !== 'rotation', { message: 'the rotation is scheduled' }) }).strict(),
    output: z.object({ runId: z.number().int() }),
    access: 'integrity.manage',
  }),
  'integrity.get': method({ input: z.object({ runId: z.number().int().positive() }).strict(), output: fixityRunDetailSchema, access: 'integrity.read' }),
  'integrity.alarms': method({ input: z.object({ includeResolved: z.boolean().default(false) }).strict(), output: z.array(alarmSchema), access: 'integrity.read' }),
  'integrity.resolveAlarm': method({
    input: z.object({ id: z.number().int().positive(), note: z.string().trim().min(1).max(500) }).strict(),
    output: alarmSchema,
    access: 'integrity.manage',
  }),
  /** Puts a verified backup copy back in place of a changed or lost original, then checks it (which ends the alarm). */
  'integrity.restoreOriginal': method({
    input: z.object({ recordId: z.number().int().positive() }).strict(),
    output: z.object({ checkRunId: z.number().int() }),
    access: 'integrity.manage',
  }),
  'backup.targets': method({ input: empty, output: z.array(backupTargetSchema), access: 'integrity.read' }),
  'backup.addTarget': method({
    input: z.object({ path: z.string().trim().min(1).max(LIMITS.pathMax), label: z.string().trim().min(1).max(LIMITS.displayNameMax) }).strict(),
    output: backupTargetSchema,
    access: 'integrity.manage',
  }),
  'backup.retireTarget': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: backupTargetSchema, access: 'integrity.manage' }),
  /** Backs up to one target now; the run goes on in the core. */
  'backup.run': method({ input: z.object({ targetId: z.number().int().positive() }).strict(), output: z.object({ runId: z.number().int() }), access: 'integrity.manage' }),
  'backup.get': method({ input: z.object({ runId: z.number().int().positive() }).strict(), output: backupRunSchema, access: 'integrity.read' }),
  // Evidence discs
  /** What fits on which disc of the medium, and which evidence can't go yet and why. */
  'discs.plan': method({
    input: z.object({ caseId: z.number().int().positive(), recordIds: z.array(z.number().int().positive()).max(LIMITS.batchMax).optional(), medium: discMediumSchema }).strict(),
    output: discPlanSchema,
    access: 'discs.manage',
  }),
  /** Builds the planned disc images (bag, description, README, verifier) as a job; `replaces` re-makes a lost or damaged disc. */
  'discs.build': method({
    input: z
      .object({
        caseId: z.number().int().positive(),
        recordIds: z.array(z.number().int().positive()).max(LIMITS.batchMax).optional(),
        medium: discMediumSchema,
        outDir: z.string().trim().min(1).max(LIMITS.pathMax).optional(),
        replaces: z.object({ discId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict().optional(),
      })
      .strict(),
    output: z.object({ jobId: z.number().int() }),
    access: 'discs.manage',
  }),
  'discs.job': method({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: discJobSchema, access: 'discs.manage' }),
  'discs.cancel': method({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: discJobSchema, access: 'discs.manage' }),
  /** Optical drives on this workstation and what is loaded in each. */
  'discs.drives': method({ input: empty, output: z.array(driveSchema), access: 'discs.manage' }),
  /** Burns a registered image, reads every file back against the register, then ejects; a job. */
  'discs.burn': method({ input: z.object({ discId: z.number().int().positive(), drive: z.string().trim().min(1).max(LIMITS.pathMax) }).strict(), output: z.object({ jobId: z.number().int() }), access: 'discs.manage' }),
  'discs.list': method({ input: z.object({ caseId: z.number().int().positive().optional() }).strict(), output: z.array(discSchema), access: 'discs.read' }),
  'discs.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: discDetailSchema, access: 'discs.read' }),
  /** Where the disc is filed (case file, cabinet, shelf). */
  'discs.setLocation': method({ input: z.object({ id: z.number().int().positive(), location: z.string().trim().min(1).max(200) }).strict(), output: discSchema, access: 'discs.manage' }),
  /** Re-verifies a disc (drive, mounted folder, extracted folder or ISO file) against the register and records the result. */
  'discs.check': method({ input: z.object({ path: z.string().trim().min(1).max(LIMITS.pathMax) }).strict(), output: discHealthSchema, access: 'discs.check' }),
  /** The case-holder insert and disc-face label of some discs, as a PDF in the documents folder. */
  'discs.labels': method({ input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(50) }).strict(), output: z.object({ path: z.string(), name: z.string() }), access: 'discs.manage' }),
  // Viewing and lending with approval
  /** Asks to view or borrow: an officer for themselves, the keeper for a party, another department or a lent item. */
  'requests.create': method({
    input: z
      .object({
        kind: z.enum(REQUEST_KINDS),
        caseId: z.number().int().positive().optional(),
        requester: requesterSchema.optional(),
        items: z.array(requestItemSchema).min(1).max(LIMITS.batchMax),
        purpose: z.string().trim().min(1).max(500),
        content: z.string().trim().min(1).max(500),
        window: windowSchema,
      })
      .strict(),
    output: requestSchema,
    access: 'session',
  }),
  /** Requests the caller may see: an officer their own, approvers and the keeper all; newest first. */
  'requests.list': method({
    input: z.object({ state: z.enum(REQUEST_STATES).optional(), limit: z.number().int().min(1).max(200).default(50), beforeId: z.number().int().positive().optional() }).strict(),
    output: z.object({ requests: z.array(requestSchema), total: z.number().int() }),
    access: 'session',
  }),
  'requests.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: requestSchema, access: 'session' }),
  /** The approver's decision, final; approving may narrow the items or the window. */
  'requests.decide': method({
    input: z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['approved', 'rejected']),
        reason: z.string().trim().max(500).optional(),
        items: z.array(requestItemSchema).min(1).max(LIMITS.batchMax).optional(),
        window: windowSchema.optional(),
      })
      .strict(),
    output: requestSchema,
    access: 'requests.decide',
  }),
  /** A decision signed on paper, entered by the keeper with the scan of the form (kept write-once). */
  'requests.recordPaperDecision': method({
    input: z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['approved', 'rejected']),
        decidedBy: z.number().int().positive(),
        decidedAt: z.string().datetime(),
        reason: z.string().trim().max(500).optional(),
        scanPath: z.string().trim().min(1).max(LIMITS.pathMax),
      })
      .strict(),
    output: requestSchema,
    access: 'requests.record',
  }),
  /**
   * The case a request names, found by its exact number (normalized as cases are): how an officer
   * who does not handle it, and so can't list it, says what they ask to view.
   */
  'requests.findCase': method({ input: z.object({ caseNo: z.string().trim().min(1).max(60) }).strict(), output: requestCaseSchema, access: 'session' }),
  /** The approval form (审批表) as a PDF in the documents folder, for this session. */
  'requests.form': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ path: z.string(), name: z.string() }), access: 'session' }),
  'requests.rules': method({ input: empty, output: z.array(approvalRuleSchema), access: 'session' }),
  'requests.setRule': method({ input: z.object({ kind: z.enum(REQUEST_KINDS), approverRole: z.enum(APPROVER_ROLES) }).strict(), output: z.array(approvalRuleSchema), access: 'settings.manage' }),
  // Viewing at the workstation, for people without an account
  /**
   * The keeper opens a viewing for a party or a department's staff on an approved request, after
   * checking their ID; the keeper's session is then locked in the viewer until `viewings.unlock`.
   */
  'viewings.open': method({ input: z.object({ requestId: z.number().int().positive(), idCheck: z.string().trim().min(1).max(200) }).strict(), output: viewingSchema, access: 'requests.record', screen: true }),
  /** The viewing this session is locked in, or null: the app shows the viewer and nothing else while there is one. */
  'viewings.current': method({ input: empty, output: viewingSchema.nullable(), access: 'session', viewer: true, screen: true }),
  /** The keeper's password ends the viewing and unlocks the session. */
  'viewings.unlock': method({ input: z.object({ password: passwordSchema }).strict(), output: viewingSchema, access: 'requests.record', viewer: true, screen: true }),
  'viewings.play': method({ input: z.object({ viewingId: z.number().int().positive(), recordId: z.number().int().positive() }).strict(), output: playbackSchema, access: 'requests.record', viewer: true, screen: true }),
  /** What the viewer reports as it happens (play, pause, seek, end), with the position in seconds. */
  'viewings.log': method({
    input: z.object({ viewingId: z.number().int().positive(), recordId: z.number().int().positive(), event: z.enum(VIEWING_EVENTS), position: z.number().min(0).nullable() }).strict(),
    output: done,
    access: 'requests.record',
    viewer: true,
    screen: true,
  }),
  /** The register's end of a viewing whose person walked away from an open viewer, with the keeper's reason. */
  'viewings.close': method({
    input: z.object({ viewingId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict(),
    output: viewingSchema,
    access: 'requests.record',
  }),
  /** The viewing register (查阅登记) as filtered, newest first, at most LIMITS.registerRowsMax entries. */
  'viewings.list': method({ input: viewingFiltersSchema, output: z.array(viewingSchema), access: 'records.read' }),
  'viewings.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: viewingSchema, access: 'records.read' }),
  // Physical lending (an evidence disc, a paper case file)
  'loans.lend': method({
    input: z.object({ requestId: z.number().int().positive(), item: requestItemSchema, dueOn: loanDaySchema }).strict(),
    output: loanSchema,
    access: 'requests.record',
  }),
  'loans.return': method({ input: z.object({ loanId: z.number().int().positive(), condition: z.string().trim().min(1).max(200) }).strict(), output: loanSchema, access: 'requests.record' }),
  /** The lending register as filtered: what is out first (most overdue on top), then what came back, newest first. */
  'loans.list': method({ input: loanFiltersSchema, output: z.array(loanSchema), access: 'records.read' }),
  /** The receipt (借阅单) to sign, as a PDF for this session. */
  'loans.receipt': method({ input: z.object({ loanId: z.number().int().positive() }).strict(), output: z.object({ path: z.string(), name: z.string() }), access: 'requests.record' }),
  // Retention
  'retention.policy': method({ input: empty, output: retentionPolicySchema, access: 'session' }),
  /** Refused (RETENTION_TOO_SHORT) below 3 years, or below 30 years for evidence unless permanent. */
  'retention.setPolicy': method({ input: retentionPolicySchema.strict(), output: retentionPolicySchema, access: 'settings.manage' }),
  /** A record's class, end date, status and holds; for whoever may list the record. */
  'retention.record': method({ input: z.object({ recordId: z.number().int().positive() }).strict(), output: recordRetentionSchema, access: 'records.browse' }),
  'retention.review': method({ input: empty, output: retentionReviewSchema, access: 'retention.read' }),
  'retention.warnings': method({ input: empty, output: z.array(z.object({ within: z.union([z.literal(1), z.literal(7), z.literal(30)]), count: z.number().int() })), access: 'retention.read' }),
  'retention.hold': method({
    input: z.object({ recordId: z.number().int().positive(), kind: z.enum(MANUAL_HOLD_KINDS), reason: z.string().trim().min(1).max(500) }).strict(),
    output: recordRetentionSchema,
    access: 'retention.manage',
  }),
  /** Holds set by hand that are still on (the review leaves their records out). */
  'retention.holds': method({ input: empty, output: z.array(retentionHoldSchema.extend({ recordId: z.number().int(), recordName: z.string() })), access: 'retention.read' }),
  'retention.lift': method({ input: z.object({ holdId: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict(), output: recordRetentionSchema, access: 'retention.manage' }),
  // Destruction lists (销毁清单): proposed by the keeper, decided once by the responsible leader
  /** Refused, naming the first record and why, unless every record has expired and nothing holds it or lists it already. */
  'destruction.propose': method({
    input: z.object({ recordIds: z.array(z.number().int().positive()).min(1).max(LIMITS.batchMax), reason: z.string().trim().min(1).max(500) }).strict(),
    output: destructionListSchema,
    access: 'retention.manage',
  }),
  /** The responsible leader's decision, final; never on a list they proposed. Approval checks expiry and holds again. */
  'destruction.decide': method({
    input: z
      .object({ id: z.number().int().positive(), outcome: z.enum(['approved', 'rejected']), reason: z.string().trim().max(500).optional(), witnessId: z.number().int().positive().optional() })
      .strict(),
    output: destructionListSchema,
    access: 'retention.approve',
  }),
  /** A decision signed on paper by the responsible leader, entered by the keeper with the scan (kept write-once). */
  'destruction.recordPaperDecision': method({
    input: z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['approved', 'rejected']),
        decidedBy: z.number().int().positive(),
        decidedAt: z.string().datetime(),
        reason: z.string().trim().max(500).optional(),
        witnessId: z.number().int().positive().optional(),
        scanPath: z.string().trim().min(1).max(LIMITS.pathMax),
      })
      .strict(),
    output: destructionListSchema,
    access: 'retention.manage',
  }),
  'destruction.list': method({
    input: z.object({ state: z.enum(DESTRUCTION_STATES).optional(), limit: z.number().int().min(1).max(200).default(50), beforeId: z.number().int().positive().optional() }).strict(),
    output: z.object({ lists: z.array(destructionSummarySchema), total: z.number().int() }),
    access: 'retention.read',
  }),
  /** One list with its items, by id or by its number (2026-X0001), and its last run. */
  'destruction.get': method({
    // By id, or by the number people read off the paper; one of them (an object, so the CLI can describe it).
    input: z
      .object({ id: z.number().int().positive().optional(), number: z.string().trim().min(1).max(40).optional() })
      .strict()
      .refine((v) => (v.id === undefined) !== (v.number === undefined), { message: 'id or number', path: ['id'] }),
    output: destructionListDetailSchema,
    access: 'retention.read',
  }),
  /** The printable destruction list (销毁清单) as a PDF for this session. */
  'destruction.form': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ path: z.string(), name: z.string() }), access: 'retention.read' }),
  /**
   * Executes an approved list, as a job: each record is checked again (expired, unheld), its
   * original, derived copies and backup copies removed and verified gone, and a disposition kept.
   * Refused (and audited) unless approved and not executed, or when the clock is behind the audit log.
   */
  'destruction.execute': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ jobId: z.number().int() }), access: 'retention.manage' }),
  'destruction.job': method({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: destructionJobSchema, access: 'retention.manage' }),
  // The viewing and lending registers, leaving the system
  /** A register as filtered on screen, whole, as an XLSX or an A4 landscape PDF for this session; audited. A supervisor may. */
  'registers.export': method({ input: registerExportSchema, output: documentSchema, access: 'records.read' }),
  // The county's three case ledgers (004 §11)
  /** A kind's ledger for a period (default last month): its rows with their gaps, and the cases not placeable yet. */
  'ledgers.get': method({ input: ledgerQuerySchema, output: ledgerSchema, access: 'ledgers.read' }),
  /** The ledger as an XLSX, a DOCX (the county's Word copy) or an A4 landscape PDF for this session; audited. */
  'ledgers.export': method({ input: ledgerExportSchema, output: documentSchema, access: 'ledgers.read' }),
  /** Last month's three ledgers, each with whether it was marked sent: the dashboard reminds until all are. */
  'ledgers.due': method({ input: empty, output: ledgerDueSchema, access: 'ledgers.read' }),
  /** Marks a finished month's ledger of a kind as sent to the county (the keeper); audited, never undone. */
  'ledgers.markSent': method({ input: ledgerMarkSchema, output: ledgerDueSchema, access: 'ledgers.report' }),
  // Statistics (统计)
  /** One chart's data over a period of office days (nothing given: the twelve months up to today). */
  'statistics.get': method({ input: statisticsQuerySchema, output: statisticsSchema, access: 'statistics.read' }),
  /** The same data as an XLSX for this session; audited. */
  'statistics.export': method({ input: statisticsQuerySchema, output: documentSchema, access: 'statistics.read' }),
  /** A room register (imports, discs, destruction, integrity checks) as filtered, newest first, at most LIMITS.registerRowsMax rows. */
  'registers.rows': method({ input: roomRegisterQuerySchema, output: z.array(z.record(z.string(), roomValueSchema)), access: 'records.read' }),
  // The supervisor's spot check (抽查): cases drawn from the ledger with a kept seed, findings, a printed report
  /** Draws from the ledger of the period; the same period, size and seed draw the same cases. Refused (NO_CANDIDATES) on an empty ledger. */
  'spotChecks.draw': method({ input: spotCheckDrawSchema, output: spotCheckSchema, access: 'spotChecks.manage' }),
  'spotChecks.list': method({ input: empty, output: z.array(spotCheckSummarySchema), access: 'spotChecks.read' }),
  'spotChecks.get': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: spotCheckSchema, access: 'spotChecks.read' }),
  /** A finding on a drawn case, appended (a later one corrects an earlier one by coming after it). */
  'spotChecks.addFinding': method({
    input: z.object({ id: z.number().int().positive(), caseId: z.number().int().positive(), verdict: z.enum(VERDICTS), text: z.string().trim().min(1).max(FINDING_TEXT_MAX) }).strict(),
    output: spotCheckSchema,
    access: 'spotChecks.manage',
  }),
  'spotChecks.close': method({ input: z.object({ id: z.number().int().positive(), note: z.string().trim().max(FINDING_TEXT_MAX).optional() }).strict(), output: spotCheckSchema, access: 'spotChecks.manage' }),
  /** The printed spot-check record (抽查记录) as a PDF for this session. */
  'spotChecks.report': method({ input: z.object({ id: z.number().int().positive() }).strict(), output: documentSchema, access: 'spotChecks.read' }),
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type InputOf<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Methods[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}
