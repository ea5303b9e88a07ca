import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResponse } from '../../shared/contract/envelope.js';
import { METHODS, type MethodName } from '../../shared/contract/methods.js';
import { RecordsApp } from '../../electron/core/app/records-app.js';
import { Dispatcher } from '../../electron/core/rpc/dispatcher.js';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';
import { FakeClock } from '../support/fake-clock.js';
import { bridgeLogin, launchCookie, rawRequest } from '../support/http.js';
import { make } from '../support/media.js';
import { KEEPER, tempDir } from '../support/test-app.js';
import { NO_LEDGER_FACTS } from '../../shared/contract/ledgers-dto.js';
import { SOME_IMPORT_PROGRESS } from '../support/push-events.js';

/**
 * Every method of the contract and every media route, walked as every kind of caller, over both
 * transports: what each may reach is written out here by hand, independently of the role table
 * it checks, so a change to who may do what has to be made in two places on purpose.
 */

const WHO = ['keeper', 'officerA', 'officerB', 'responsible', 'principal', 'supervisor', 'signedOut', 'expired'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | string;

const PASSWORD = 'Access2026';
const ACCOUNTS = {
  officerA: { username: 'officer_a', displayName: '李建国', role: 'officer', officerNo: '000001' },
  officerC: { username: 'officer_c', displayName: '赵立新', role: 'officer', officerNo: '000003' },
  officerB: { username: 'officer_b', displayName: '陈晓东', role: 'officer', officerNo: '000002' },
  responsible: { username: 'leader_r', displayName: '刘分管', role: 'responsible_leader' },
  principal: { username: 'leader_p', displayName: '孙主要', role: 'principal_leader' },
  supervisor: { username: 'county', displayName: '县局周某', role: 'supervisor' },
  lapsed: { username: 'lapsed', displayName: '过期会话', role: 'keeper' },
  spare: { username: 'spare', displayName: '备用账号', role: 'officer' },
} as const;

/** What the world looks like: a case officer A handles with C, recordings of A, of C, and of C in A's case. */
interface World {
  ids: Record<keyof typeof ACCOUNTS, number>;
  /** A's photo, C's audio not in A's cases, C's audio linked as evidence to case 1. */
  r1: number;
  r2: number;
  r3: number;
  case1: number;
  case2: number;
  camera: string;
  absence: number;
  device: number;
  fixityRun: number;
  backupRun: number;
  backupTarget: number;
  spareTarget: number;
  job: number;
  disc: number;
  discJob: number;
  discImage: string;
  drive: string;
  /** A request officer B made, and one officer A made (decided on paper in the walk). */
  request: number;
  request2: number;
  /** A department's approved viewing of r1, and a viewing opened on it. */
  partyRequest: number;
  viewing: number;
  /** An approved loan of the disc and the case file, and the disc out on it. */
  lendRequest: number;
  loan: number;
  /** A hold set by hand on r1. */
  hold: number;
  /** A destruction list of r2 (aged past its period in the world) still pending; an earlier one of it was rejected. */
  destruction: number;
  rejectedDestruction: number;
  /** The supervisor's spot check of November's ledger, which holds case 2 (closed on 11-10). */
  spotCheck: number;
  window: { from: string; to: string };
  scan: string;
  newDir: () => string;
}

interface Probe {
  input: (w: World, who: Who) => unknown;
  /** Per caller; a caller left out gets FORBIDDEN if signed in. */
  expect: Partial<Record<Who, Outcome>>;
  /** What a successful answer must show that caller (counts that would leak, for example). */
  shows?: Partial<Record<Who, (value: unknown) => void>>;
}

const CATALOGUE: Who[] = ['keeper', 'responsible', 'principal', 'supervisor'];
const SIGNED_IN: Who[] = ['keeper', 'officerA', 'officerB', 'responsible', 'principal', 'supervisor'];
const only = (who: Who[], outcome: Outcome = 'ok'): Partial<Record<Who, Outcome>> => Object.fromEntries(who.map((w) => [w, outcome]));
const total = (n: number) => (v: unknown) => expect((v as { total: number }).total).toBe(n);
const length = (n: number) => (v: unknown) => expect(v as unknown[]).toHaveLength(n);
const clips = (n: number) => (v: unknown) => expect((v as { clips: unknown[] }).clips).toHaveLength(n);
const byRole = (keeper: (v: unknown) => void, a: (v: unknown) => void, b: (v: unknown) => void) => ({
  keeper,
  responsible: keeper,
  principal: keeper,
  supervisor: keeper,
  officerA: a,
  officerB: b,
});
const caseFields = (caseNo: string, handlerIds: number[]) => ({
  caseNo,
  kind: 'penalty',
  cause: '占道经营',
  parties: [{ kind: 'person', name: '王某' }],
  handlerIds,
  filedOn: null,
  decidedOn: null,
  closedOn: null,
  archivedOn: null,
  status: 'open',
});

/** The whole contract, method by method. The type makes a method missing here a compile error. */
const WALK: { [M in MethodName]: Probe[] } = {
  'system.status': [{ input: () => ({}), expect: { ...only(SIGNED_IN), signedOut: 'ok', expired: 'ok' } }],
  'system.setup': [
    { input: () => ({ officeName: '又一个', unitCode: 'X', admin: { ...KEEPER, username: 'again' } }), expect: { ...only(SIGNED_IN, 'ALREADY_INITIALIZED'), signedOut: 'ALREADY_INITIALIZED', expired: 'ALREADY_INITIALIZED' } },
  ],
  'auth.login': [{ input: () => ({ username: ACCOUNTS.spare.username, password: PASSWORD }), expect: { ...only(SIGNED_IN), signedOut: 'ok', expired: 'ok' } }],
  'auth.logout': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  'auth.me': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  'auth.changePassword': [{ input: () => ({ oldPassword: 'NotMine2026', newPassword: 'Whatever2026' }), expect: only(SIGNED_IN, 'WRONG_PASSWORD') }],
  'auth.setLanguage': [{ input: () => ({ language: 'zh-CN' }), expect: only(SIGNED_IN) }],
  'accounts.list': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'accounts.create': [{ input: (_w, who) => ({ username: `new_${who}`, displayName: '新账号', role: 'officer', isAdmin: false, password: PASSWORD }), expect: only(['keeper']) }],
  'accounts.setOfficerNo': [{ input: (w) => ({ id: w.ids.officerB, officerNo: '000002' }), expect: only(['keeper']) }],
  'accounts.setDisabled': [{ input: (w) => ({ id: w.ids.spare, disabled: false }), expect: only(['keeper']) }],
  'accounts.resetPassword': [{ input: (w) => ({ id: w.ids.spare, password: PASSWORD }), expect: only(['keeper']) }],
  'devices.list': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  'devices.save': [{ input: (_w, who) => ({ deviceNo: `T90${WHO.indexOf(who)}`, label: '备用', officerId: null }), expect: only(['keeper']) }],
  'devices.setRetired': [{ input: (w) => ({ id: w.device, retired: false }), expect: only(['keeper']) }],
  'settings.get': [{ input: () => ({}), expect: only(['keeper']) }],
  'settings.update': [{ input: () => ({}), expect: only(['keeper']) }],
  'audit.list': [{ input: () => ({ limit: 5 }), expect: only(CATALOGUE) }],
  'audit.verify': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'import.start': [{ input: (w) => ({ source: w.camera }), expect: only(['keeper']) }],
  'import.sources': [{ input: () => ({}), expect: only(['keeper']) }],
  'import.preview': [{ input: (w) => ({ source: w.camera }), expect: only(['keeper']) }],
  'import.get': [{ input: (w) => ({ jobId: w.job }), expect: only(['keeper']) }],
  'import.cancel': [{ input: (w) => ({ jobId: w.job }), expect: only(['keeper']) }],
  'import.recent': [{ input: () => ({}), expect: only(['keeper']) }],
  'records.explainLate': [{ input: (w) => ({ recordId: w.r1, reason: '在外执勤' }), expect: only(['keeper']) }],
  'records.assignOfficer': [{ input: (w) => ({ recordId: w.r1, officerId: w.ids.officerA }), expect: only(['keeper']) }],
  // A still is content: the supervisor, who may not play, gets no poster either.
  'records.posters': [{ input: (w) => ({ ids: [w.r1, w.r2, w.r3] }), expect: only(SIGNED_IN), shows: { ...byRole(length(1), length(1), length(0)), supervisor: length(0) } }],
  'integrity.status': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'integrity.check': [{ input: (w) => ({ scope: { kind: 'record', recordId: w.r2 } }), expect: only(['keeper']) }],
  'integrity.get': [{ input: (w) => ({ runId: w.fixityRun }), expect: only(CATALOGUE) }],
  'integrity.alarms': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'integrity.resolveAlarm': [{ input: () => ({ id: 999, note: '核实' }), expect: only(['keeper'], 'NOT_FOUND') }],
  'integrity.restoreOriginal': [{ input: () => ({ recordId: 999 }), expect: only(['keeper'], 'NOT_FOUND') }],
  'backup.targets': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'backup.addTarget': [{ input: (w) => ({ path: w.newDir(), label: '新目标' }), expect: only(['keeper']) }],
  'backup.retireTarget': [{ input: (w) => ({ id: w.spareTarget }), expect: only(['keeper']) }],
  'backup.run': [{ input: (w) => ({ targetId: w.backupTarget }), expect: only(['keeper']) }],
  'backup.get': [{ input: (w) => ({ runId: w.backupRun }), expect: only(CATALOGUE) }],
  'records.integrity': [
    { input: (w) => ({ recordId: w.r2 }), expect: only(CATALOGUE) },
    { input: () => ({ recordId: 999 }), expect: only(CATALOGUE, 'NOT_FOUND') },
  ],
  'cases.list': [
    { input: () => ({}), expect: only(SIGNED_IN), shows: byRole(total(2), total(1), total(0)) },
    // A search that would find case 2 finds nothing for an officer who doesn't handle it: not even a count.
    { input: () => ({ text: '〔2026〕2号' }), expect: only(SIGNED_IN), shows: byRole(total(1), total(0), total(0)) },
  ],
  'cases.get': [
    { input: (w) => ({ id: w.case1 }), expect: { ...only(SIGNED_IN), officerB: 'NOT_FOUND' } },
    { input: (w) => ({ id: w.case2 }), expect: { ...only(SIGNED_IN), officerA: 'NOT_FOUND', officerB: 'NOT_FOUND' } },
    { input: () => ({ id: 999 }), expect: only(SIGNED_IN, 'NOT_FOUND') },
  ],
  'cases.create': [{ input: (_w, who) => ({ fields: caseFields(`峡综执罚〔2026〕${WHO.indexOf(who) + 10}号`, [2, 3]) }), expect: only(['keeper']) }],
  'cases.update': [{ input: (w) => ({ id: w.case1, version: 999, fields: caseFields('峡综执罚〔2026〕1号', [w.ids.officerA, w.ids.officerC]) }), expect: only(['keeper'], 'STALE_VERSION') }],
  'cases.setLedgerFacts': [{ input: (w) => ({ id: w.case1, version: 999, facts: NO_LEDGER_FACTS }), expect: only(['keeper'], 'STALE_VERSION') }],
  'cases.link': [
    // Case 2 is closed in the world (it is November's ledger): linking to it says why.
    { input: (w) => ({ caseId: w.case2, recordIds: [w.r1], role: 'other', reason: '补充材料' }), expect: only(['keeper']) },
    { input: (w) => ({ caseId: w.case2, recordIds: [999], role: 'other' }), expect: only(['keeper'], 'NOT_FOUND') },
  ],
  'cases.unlink': [{ input: () => ({ linkId: 999, reason: '误关联' }), expect: only(['keeper'], 'NOT_FOUND') }],
  'records.timeline': [
    { input: () => ({ deviceNo: 'T001' }), expect: only(SIGNED_IN), shows: byRole(clips(3), clips(2), clips(0)) },
  ],
  'records.play': [
    { input: (w) => ({ recordId: w.r1 }), expect: { ...only(['keeper', 'responsible', 'principal', 'officerA']), officerB: 'NOT_FOUND', supervisor: 'FORBIDDEN' } },
    { input: (w) => ({ recordId: w.r3 }), expect: { ...only(['keeper', 'responsible', 'principal', 'officerA']), officerB: 'NOT_FOUND', supervisor: 'FORBIDDEN' } },
    { input: (w) => ({ recordId: w.r2 }), expect: { ...only(['keeper', 'responsible', 'principal']), officerA: 'NOT_FOUND', officerB: 'NOT_FOUND', supervisor: 'FORBIDDEN' } },
    { input: () => ({ recordId: 999 }), expect: only(SIGNED_IN, 'NOT_FOUND') },
  ],
  'records.stopPlaying': [{ input: () => ({ ticket: 'not-a-ticket' }), expect: only(SIGNED_IN, 'NOT_FOUND') }],
  'absences.list': [{ input: () => ({}), expect: only(['keeper']) }],
  'absences.add': [{ input: (w) => ({ officerId: w.ids.officerB, startsAt: '2026-11-18T08:00:00', returnedAt: '2026-11-19T18:00:00', reason: '水上执勤' }), expect: only(['keeper']) }],
  'absences.withdraw': [{ input: (w) => ({ id: w.absence, reason: '登记有误' }), expect: only(['keeper']) }],
  'records.list': [
    { input: () => ({ limit: 10 }), expect: only(SIGNED_IN), shows: byRole(total(3), total(2), total(0)) },
    { input: (w) => ({ limit: 10, caseId: w.case1 }), expect: only(SIGNED_IN), shows: byRole(total(1), total(1), total(0)) },
    { input: (w) => ({ limit: 10, officerId: w.ids.officerC }), expect: only(SIGNED_IN), shows: byRole(total(2), total(1), total(0)) },
    { input: () => ({ limit: 10, text: 'T001' }), expect: only(SIGNED_IN), shows: byRole(total(3), total(2), total(0)) },
  ],
  // Evidence discs: the keeper makes them; whoever reads the catalogue reads the register and may check a disc.
  'discs.plan': [{ input: (w) => ({ caseId: w.case1, medium: 'cd' }), expect: only(['keeper']) }],
  'discs.build': [{ input: (w) => ({ caseId: w.case1, medium: 'cd', outDir: w.newDir() }), expect: only(['keeper']) }],
  'discs.job': [{ input: (w) => ({ jobId: w.discJob }), expect: only(['keeper']) }],
  'discs.cancel': [{ input: (w) => ({ jobId: w.discJob }), expect: only(['keeper']) }],
  'discs.drives': [{ input: () => ({}), expect: only(['keeper']), shows: { keeper: length(1) } }],
  'discs.burn': [{ input: (w) => ({ discId: w.disc, drive: w.drive }), expect: only(['keeper']) }],
  'discs.list': [{ input: (w) => ({ caseId: w.case1 }), expect: only(CATALOGUE) }],
  'discs.get': [{ input: (w) => ({ id: w.disc }), expect: only(CATALOGUE) }],
  'discs.setLocation': [{ input: (w) => ({ id: w.disc, location: '档案柜 A-3' }), expect: only(['keeper']) }],
  'discs.check': [{ input: (w) => ({ path: w.discImage }), expect: only(CATALOGUE), shows: { supervisor: (v) => expect((v as { verdict: string }).verdict).toBe('ok') } }],
  'discs.labels': [{ input: (w) => ({ ids: [w.disc] }), expect: only(['keeper']) }],
  // Requests: an officer asks for themselves, the keeper for others; the rule's leader decides once.
  'requests.create': [{ input: (w) => ({ kind: 'officer_view', items: [{ kind: 'record', id: w.r1 }], purpose: '核对', content: '录像', window: w.window }), expect: only(['officerA', 'officerB']) }],
  'requests.list': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  'requests.get': [{ input: (w) => ({ id: w.request }), expect: { ...only(['keeper', 'officerB', 'responsible', 'principal', 'supervisor']), officerA: 'NOT_FOUND' } }],
  'requests.decide': [{ input: (w) => ({ id: w.request, outcome: 'rejected', reason: '无关' }), expect: { responsible: 'ok', principal: 'ALREADY_DECIDED' } }],
  'requests.recordPaperDecision': [{ input: (w) => ({ id: w.request2, outcome: 'approved', decidedBy: w.ids.responsible, decidedAt: w.window.from, scanPath: w.scan }), expect: only(['keeper']) }],
  'requests.findCase': [{ input: () => ({ caseNo: '峡综执罚〔2026〕1号' }), expect: only(SIGNED_IN) }],
  'requests.form': [{ input: (w) => ({ id: w.request }), expect: { ...only(['keeper', 'officerB', 'responsible', 'principal', 'supervisor']), officerA: 'NOT_FOUND' } }],
  'requests.rules': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  'requests.setRule': [{ input: () => ({ kind: 'party_view', approverRole: 'responsible_leader' }), expect: only(['keeper']) }],
  // A viewing for someone without an account is hosted by the keeper; the register is read like the catalogue.
  // The world's viewing on this approval is under way: one approval, one sitting.
  'viewings.open': [{ input: (w) => ({ requestId: w.partyRequest, idCheck: '核对居民身份证' }), expect: only(['keeper'], 'VIEWING_OPEN') }],
  'viewings.current': [{ input: () => ({}), expect: only(SIGNED_IN), shows: { keeper: (v) => expect(v).toBeNull() } }],
  // Only the session locked in a viewing plays it (the viewer's own walk is in "media and events" below).
  'viewings.unlock': [{ input: () => ({ password: KEEPER.password }), expect: { keeper: 'NOT_FOUND' } }],
  'viewings.play': [{ input: (w) => ({ viewingId: w.viewing, recordId: w.r1 }), expect: { keeper: 'NOT_FOUND' } }],
  'viewings.log': [{ input: (w) => ({ viewingId: w.viewing, recordId: w.r1, event: 'pause', position: 3.5 }), expect: { keeper: 'NOT_FOUND' } }],
  'viewings.close': [{ input: (w) => ({ viewingId: w.viewing, reason: '查阅人已离开' }), expect: { keeper: 'ok' } }],
  'viewings.list': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'viewings.get': [{ input: (w) => ({ id: w.viewing }), expect: only(CATALOGUE) }],
  'loans.lend': [{ input: (w) => ({ requestId: w.lendRequest, item: { kind: 'case', id: w.case1 }, dueOn: w.window.to.slice(0, 10) }), expect: only(['keeper']) }],
  'loans.return': [{ input: (w) => ({ loanId: w.loan, condition: '完好' }), expect: only(['keeper']) }],
  'loans.list': [{ input: () => ({ out: true }), expect: only(CATALOGUE) }],
  'loans.receipt': [{ input: (w) => ({ loanId: w.loan }), expect: only(['keeper']) }],
  'retention.policy': [{ input: () => ({}), expect: only(SIGNED_IN) }],
  // Destruction lists (walked before the policy changes, which would give r2 its real end date again): the keeper proposes and enters paper decisions, the responsible leader alone decides, the catalogue reads.
  // The pending list is rejected on paper first, which frees r2 for the keeper's new list, the next id, for the leader to decide.
  'destruction.recordPaperDecision': [
    { input: (w) => ({ id: w.destruction, outcome: 'rejected', decidedBy: w.ids.responsible, decidedAt: new Date(Date.parse(w.window.from) + 3_600_000).toISOString(), reason: '暂缓', scanPath: w.scan }), expect: only(['keeper']) },
  ],
  'destruction.propose': [
    { input: (w) => ({ recordIds: [w.r2], reason: '期满销毁' }), expect: only(['keeper']) },
    { input: (w) => ({ recordIds: [w.r3], reason: '期满销毁' }), expect: { keeper: 'NOT_EXPIRED' } },
  ],
  'destruction.decide': [
    { input: (w) => ({ id: w.destruction + 1, outcome: 'rejected', reason: '再核对' }), expect: { responsible: 'ok' } },
    { input: (w) => ({ id: w.rejectedDestruction, outcome: 'approved' }), expect: { responsible: 'ALREADY_DECIDED' } },
  ],
  'destruction.list': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'destruction.get': [{ input: (w) => ({ id: w.destruction }), expect: only(CATALOGUE) }],
  'destruction.form': [{ input: (w) => ({ id: w.destruction }), expect: only(CATALOGUE) }],
  // Only the keeper executes, and only an approved list: the walk's lists were rejected, so the keeper is refused why; there is no job to read.
  'destruction.execute': [{ input: (w) => ({ id: w.destruction }), expect: { keeper: 'LIST_NOT_APPROVED' } }],
  'destruction.job': [{ input: () => ({ jobId: 9999 }), expect: { keeper: 'NOT_FOUND' } }],
  'retention.setPolicy': [
    { input: () => ({ standardYears: 5, evidenceYears: 'permanent' }), expect: { keeper: 'ok' } },
    { input: () => ({ standardYears: 2, evidenceYears: 30 }), expect: { keeper: 'RETENTION_TOO_SHORT' } },
  ],
  'retention.record': [
    { input: (w) => ({ recordId: w.r1 }), expect: { ...only(['keeper', 'responsible', 'principal', 'supervisor', 'officerA']), officerB: 'NOT_FOUND' } },
    { input: (w) => ({ recordId: w.r2 }), expect: { ...only(CATALOGUE), officerA: 'NOT_FOUND', officerB: 'NOT_FOUND' } },
  ],
  'retention.review': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'retention.warnings': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'retention.hold': [{ input: (w) => ({ recordId: w.r2, kind: 'review', reason: '复查' }), expect: { keeper: 'ok' } }],
  'retention.holds': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'retention.lift': [{ input: (w) => ({ holdId: w.hold, reason: '复查结束' }), expect: { keeper: 'ok' } }],
  // The registers are read like the catalogue: a supervisor exports them too, an officer never.
  'registers.export': [
    { input: () => ({ register: 'loans', format: 'xlsx', filters: { state: 'out' } }), expect: only(CATALOGUE) },
    { input: () => ({ register: 'viewings', format: 'pdf', filters: {} }), expect: only(CATALOGUE) },
    { input: () => ({ register: 'imports', format: 'xlsx', filters: { flagged: true } }), expect: only(CATALOGUE) },
  ],
  // The county ledgers are read and exported like the registers; only the keeper marks one sent.
  'ledgers.get': [{ input: () => ({ kind: 'penalty' }), expect: only(CATALOGUE) }],
  'ledgers.export': [{ input: () => ({ kind: 'inspection', format: 'docx' }), expect: only(CATALOGUE) }],
  'ledgers.due': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'ledgers.markSent': [{ input: () => ({ kind: 'coercion', month: '2020-01' }), expect: only(['keeper']) }],
  // Statistics count the whole catalogue: read by those who read it all, never by an officer.
  'statistics.get': [
    { input: () => ({ chart: 'recordings', groupBy: 'officer' }), expect: only(CATALOGUE) },
    { input: () => ({ chart: 'storage' }), expect: only(CATALOGUE) },
  ],
  'statistics.export': [{ input: () => ({ chart: 'unlinked' }), expect: only(CATALOGUE) }],
  'registers.rows': [
    { input: () => ({ register: 'imports', filters: {} }), expect: only(CATALOGUE), shows: { supervisor: length(3) } },
    { input: () => ({ register: 'discs', filters: {} }), expect: only(CATALOGUE) },
    { input: () => ({ register: 'destruction', filters: { flagged: true } }), expect: only(CATALOGUE) },
    { input: () => ({ register: 'integrity', filters: {} }), expect: only(CATALOGUE) },
  ],
  // Spot checks are the supervisor's to draw and judge; whoever reads the catalogue reads them.
  'spotChecks.draw': [
    { input: () => ({ from: '2026-11-01', to: '2026-11-30', size: 3, seed: 7 }), expect: { supervisor: 'ok' }, shows: { supervisor: (v) => expect((v as { drawn: number }).drawn).toBe(1) } },
    { input: () => ({ from: '2020-01-01', to: '2020-01-31', size: 3 }), expect: { supervisor: 'NO_CANDIDATES' } },
  ],
  'spotChecks.list': [{ input: () => ({}), expect: only(CATALOGUE) }],
  'spotChecks.get': [{ input: (w) => ({ id: w.spotCheck }), expect: only(CATALOGUE) }],
  'spotChecks.addFinding': [
    { input: (w) => ({ id: w.spotCheck, caseId: w.case2, verdict: 'pass', text: '卷内材料齐全' }), expect: { supervisor: 'ok' } },
    { input: (w) => ({ id: w.spotCheck, caseId: w.case1, verdict: 'problem', text: '未抽到的案件' }), expect: { supervisor: 'CASE_NOT_DRAWN' } },
  ],
  'spotChecks.close': [{ input: (w) => ({ id: w.spotCheck }), expect: { supervisor: 'ok' } }],
  'spotChecks.report': [{ input: (w) => ({ id: w.spotCheck }), expect: only(CATALOGUE) }],
};

/** Sign-out kills the session it is called with: walked last. */
const ORDER = (Object.keys(WALK) as MethodName[]).sort((a, b) => Number(a === 'auth.logout') - Number(b === 'auth.logout'));

interface Transport {
  send(method: string, input: unknown, token: string | null): Promise<RpcResponse>;
  login(username: string): Promise<{ token: string; cookie: string | null }>;
  /** The media route for a ticket, as the caller's shell would fetch it: the status answered. */
  media(ticket: string, who: { token: string | null; cookie: string | null }): Promise<number>;
  /** A printed document (labels, …) as the caller's shell would fetch it: the status answered. */
  document(name: string, who: { token: string | null; cookie: string | null }): Promise<number>;
  /** Whether the caller's push stream opens, and whether it carries an import's progress. */
  events(who: { token: string | null; cookie: string | null }, app: RecordsApp): Promise<'refused' | 'received' | 'withheld'>;
  close(): Promise<void>;
}

function inProcess(app: RecordsApp, dispatcher: Dispatcher): Transport {
  const send = (method: string, input: unknown, token: string | null) => dispatcher.dispatch({ method, input, token }, 'access walk (in-process)');
  return {
    send,
    login: async (username) => {
      const res = await send('auth.login', { username, password: username === KEEPER.username ? KEEPER.password : PASSWORD }, null);
      if (!res.ok) throw new Error(`login ${username}: ${res.error.code}`);
      return { token: (res.value as { token: string }).token, cookie: null };
    },
    media: async (ticket, who) => (app.core.playback.resolve(ticket, who.token) ? 206 : 404),
    document: async (name, who) => (app.core.documents.resolve(name, who.token) ? 200 : 404),
    events: async (who) => {
      const account = app.core.auth.peek(who.token);
      if (!account) return 'refused';
      return app.core.access.mayReceive(account, SOME_IMPORT_PROGRESS) ? 'received' : 'withheld';
    },
    close: async () => undefined,
  };
}

async function overHttp(dispatcher: Dispatcher, rendererDir: string): Promise<Transport> {
  const bridge: Bridge = await startBridge({ dispatcher, rendererDir });
  const launch = await launchCookie(bridge.port, bridge.token);
  return {
    send: async (method, input, token) => {
      const res = await rawRequest(bridge.port, { method: 'POST', path: '/rpc', headers: { Cookie: launch, 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input, token }) });
      return JSON.parse(res.body) as RpcResponse;
    },
    login: (username) => bridgeLogin(bridge.port, launch, username, username === KEEPER.username ? KEEPER.password : PASSWORD),
    media: async (ticket, who) => (await rawRequest(bridge.port, { path: `/media/${ticket}`, headers: { Cookie: who.cookie ?? launch, Range: 'bytes=0-9' } })).status,
    document: async (name, who) => (await rawRequest(bridge.port, { path: `/documents/${encodeURIComponent(name)}`, headers: { Cookie: who.cookie ?? launch } })).status,
    events: (who, app) =>
      new Promise((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: bridge.port, path: '/events', headers: { Host: `127.0.0.1:${bridge.port}`, Cookie: who.cookie ?? launch } }, (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return resolve('refused');
          }
          let data = '';
          let published = false;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            data += chunk;
            if (published || !data.startsWith(': connected')) return;
            published = true;
            app.bus.publish(SOME_IMPORT_PROGRESS);
            // Delivery is synchronous on the bus; a short wait lets the bytes cross the socket.
            setTimeout(() => {
              req.destroy();
              resolve(data.includes('import.progress') ? 'received' : 'withheld');
            }, 100);
          });
        });
        req.on('error', reject);
      }),
    close: () => bridge.close(),
  };
}

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};

/** The session locked in the world's viewing, and a view its keeper opened before the lock. */
interface Viewer {
  session: { token: string | null; cookie: string | null };
  keeperView: string;
}

async function buildWorld(app: RecordsApp, t: Transport, clock: FakeClock): Promise<{ world: World; sessions: Record<Who, { token: string | null; cookie: string | null }>; viewer: Viewer }> {
  const ok = async <T>(method: MethodName, input: unknown, token: string | null): Promise<T> => {
    const res = await t.send(method, input, token);
    if (!res.ok) throw new Error(`${method}: ${res.error.code} ${JSON.stringify(res.error.details)}`);
    return res.value as T;
  };
  await ok('system.setup', { officeName: '峡口镇综合行政执法办公室', unitCode: 'XK-01', admin: KEEPER }, null);
  const keeperToken = (await t.login(KEEPER.username)).token;
  const ids = { keeper: 1 } as Record<string, number>;
  for (const [key, a] of Object.entries(ACCOUNTS)) {
    ids[key] = (await ok<{ id: number }>('accounts.create', { ...a, isAdmin: false, password: PASSWORD }, keeperToken)).id;
  }
  const camera = dir('rr-access-cam-');
  make.jpeg(path.join(camera, 'DCIM', 'T001_000001_20261120093000_0001.jpg'));
  make.wav(path.join(camera, 'DCIM', 'T001_000003_20261120094000_0002.wav'), 1);
  make.wav(path.join(camera, 'DCIM', 'T001_000003_20261120095000_0003.wav'), 2);
  const { jobId } = await ok<{ jobId: number }>('import.start', { source: camera }, keeperToken);
  await app.core.imports.wait(jobId);
  await app.core.media.idle();
  await app.core.derive.idle();
  const records = (await ok<{ records: { id: number; originalName: string }[] }>('records.list', { limit: 10 }, keeperToken)).records;
  const id = (seq: string) => records.find((r) => r.originalName.includes(`_${seq}.`))?.id ?? 0;
  const [r1, r2, r3] = [id('0001'), id('0002'), id('0003')];
  const case1 = (await ok<{ id: number }>('cases.create', { fields: caseFields('峡综执罚〔2026〕1号', [ids.officerA ?? 0, ids.officerC ?? 0]) }, keeperToken)).id;
  const case2 = (await ok<{ id: number }>('cases.create', { fields: caseFields('峡综执罚〔2026〕2号', [ids.officerC ?? 0, ids.spare ?? 0]) }, keeperToken)).id;
  const facts = { collectors: ['李建国', '赵立新'], collectedAt: '2026-11-20T09:50:00', place: '峡口镇集贸市场东门', statement: '当事人占道经营' };
  await ok('cases.link', { caseId: case1, recordIds: [r3], role: 'evidence', facts }, keeperToken);
  const device = (await ok<{ id: number }>('devices.save', { deviceNo: 'T001', label: '1 号', officerId: ids.officerA }, keeperToken)).id;
  const absence = (await ok<{ id: number }>('absences.add', { officerId: ids.officerA, startsAt: '2026-11-10T08:00:00', returnedAt: '2026-11-11T18:00:00', reason: '水上执勤' }, keeperToken)).id;
  const fixityRun = (await ok<{ runId: number }>('integrity.check', { scope: { kind: 'record', recordId: r1 } }, keeperToken)).runId;
  await app.core.fixity.wait(fixityRun);
  const backupTarget = (await ok<{ id: number }>('backup.addTarget', { path: dir('rr-access-backup-'), label: 'A' }, keeperToken)).id;
  const spareTarget = (await ok<{ id: number }>('backup.addTarget', { path: dir('rr-access-backup-'), label: 'B' }, keeperToken)).id;
  const backupRun = (await ok<{ runId: number }>('backup.run', { targetId: backupTarget }, keeperToken)).runId;
  await app.core.backup.wait(backupRun);
  const discJob = (await ok<{ jobId: number }>('discs.build', { caseId: case1, medium: 'cd', outDir: dir('rr-access-disc-') }, keeperToken)).jobId;
  const disc = (await app.core.discs.wait(discJob)).discIds[0] ?? 0;
  // No optical drive here: the burner's pseudo-drive, a file xorriso burns to as to a disc.
  const drive = `stdio:${path.join(dir('rr-access-drive-'), 'disc.img')}`;
  process.env.RECORDS_BURN_DRIVE = drive;
  const window = { from: clock.now().toISOString(), to: new Date(clock.now().getTime() + 48 * 3_600_000).toISOString() };
  const asOfficer = async (username: string) => (await t.login(username)).token;
  const ask = { kind: 'officer_view', items: [{ kind: 'record', id: r1 }], purpose: '核对', content: '录像', window };
  const request = (await ok<{ id: number }>('requests.create', ask, await asOfficer(ACCOUNTS.officerB.username))).id;
  const request2 = (await ok<{ id: number }>('requests.create', ask, await asOfficer(ACCOUNTS.officerA.username))).id;
  const scan = path.join(dir('rr-access-scan-'), 'form.jpg');
  make.jpeg(scan);
  const partyRequest = (await ok<{ id: number }>('requests.create', { ...ask, kind: 'department_view', requester: { name: '赵科长', department: '镇司法所' } }, keeperToken)).id;
  await ok('requests.decide', { id: partyRequest, outcome: 'approved' }, await asOfficer(ACCOUNTS.principal.username));
  const lendRequest = (await ok<{ id: number }>('requests.create', { ...ask, kind: 'lend_item', requester: { name: '赵科长', department: '镇司法所' }, items: [{ kind: 'disc', id: disc }, { kind: 'case', id: case1 }] }, keeperToken)).id;
  await ok('requests.decide', { id: lendRequest, outcome: 'approved' }, await asOfficer(ACCOUNTS.responsible.username));
  const loan = (await ok<{ id: number }>('loans.lend', { requestId: lendRequest, item: { kind: 'disc', id: disc }, dueOn: window.to.slice(0, 10) }, keeperToken)).id;
  const hold = (await ok<{ holds: { id: number }[] }>('retention.hold', { recordId: r1, kind: 'complaint', reason: '当事人投诉' }, keeperToken)).holds[0]?.id ?? 0;
  // r2's period ends in the past here (the world is two days old): it may be put on a destruction list.
  app.core.db.prepare("UPDATE record_retention SET kept_through = '2020-01-01' WHERE record_id = ?").run(r2);
  const rejectedDestruction = (await ok<{ id: number }>('destruction.propose', { recordIds: [r2], reason: '期满销毁' }, keeperToken)).id;
  await ok('destruction.decide', { id: rejectedDestruction, outcome: 'rejected', reason: '需核对' }, await asOfficer(ACCOUNTS.responsible.username));
  const destruction = (await ok<{ id: number }>('destruction.propose', { recordIds: [r2], reason: '核对后再次提出' }, keeperToken)).id;
  await ok('cases.update', { id: case2, version: 1, fields: { ...caseFields('峡综执罚〔2026〕2号', [ids.officerC ?? 0, ids.spare ?? 0]), status: 'closed', closedOn: '2026-11-10' } }, keeperToken);
  const spotCheck = (await ok<{ id: number }>('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 5 }, await asOfficer(ACCOUNTS.supervisor.username))).id;

  // The lapsed session signs in first and then sits idle past the limit; everyone else signs in after.
  const lapsed = await t.login(ACCOUNTS.lapsed.username);
  clock.advanceMinutes(24 * 60);
  // The viewing runs in a session of its own, opened after the idle day (a viewer silent that long
  // is a closed window): opening it locks that session in the viewer. The keeper watched r2 in it
  // before, a view the lock must stop.
  const viewer = await t.login(KEEPER.username);
  const keeperView = (await ok<{ ticket: string }>('records.play', { recordId: r2 }, viewer.token)).ticket;
  const viewing = (await ok<{ id: number }>('viewings.open', { requestId: partyRequest, idCheck: '核对工作证' }, viewer.token)).id;
  const sessions = { signedOut: { token: null, cookie: null }, expired: lapsed } as Record<Who, { token: string | null; cookie: string | null }>;
  sessions.keeper = await t.login(KEEPER.username);
  for (const who of ['officerA', 'officerB', 'responsible', 'principal', 'supervisor'] as const) sessions[who] = await t.login(ACCOUNTS[who].username);
  const world: World = {
    ids: ids as World['ids'],
    r1,
    r2,
    r3,
    case1,
    case2,
    camera,
    absence,
    device,
    fixityRun,
    backupRun,
    backupTarget,
    spareTarget,
    job: jobId,
    disc,
    discJob,
    discImage: app.core.discs.register.one(disc).imagePath,
    drive,
    request,
    request2,
    partyRequest,
    viewing,
    lendRequest,
    loan,
    hold,
    destruction,
    rejectedDestruction,
    spotCheck,
    window,
    scan,
    newDir: () => dir('rr-access-target-'),
  };
  return { world, sessions, viewer: { session: viewer, keeperView } };
}

/** Waits for whatever a successful call started (an import, a check, a backup), so the next call meets a quiet app. */
async function settle(app: RecordsApp, method: MethodName, value: unknown, token: string | null): Promise<void> {
  const v = value as { jobId?: number; runId?: number };
  // The walk goes on as the keeper: the lock a viewing puts on its session is walked in "media and events".
  if (method === 'viewings.open' && token) app.core.auth.sessions.unlock(token);
  if (method === 'import.start' && v.jobId) await app.core.imports.wait(v.jobId);
  if (method === 'integrity.check' && v.runId) await app.core.fixity.wait(v.runId);
  if (method === 'backup.run' && v.runId) await app.core.backup.wait(v.runId);
  if ((method === 'discs.build' || method === 'discs.burn') && v.jobId) await app.core.discs.wait(v.jobId);
}

type Opener = (app: RecordsApp, dispatcher: Dispatcher, rendererDir: string) => Promise<Transport>;

interface Office {
  app: RecordsApp;
  t: Transport;
  world: World;
  sessions: Record<Who, { token: string | null; cookie: string | null }>;
  viewer: Viewer;
}

/** For one describe block: a fresh office, reached through the transport `open` makes, closed after the block. */
function officeFor(open: Opener): () => Office {
  let office: Office | null = null;
  beforeAll(async () => {
    const root = dir('rr-access-');
    fs.mkdirSync(path.join(root, 'renderer'));
    fs.writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>records</title>');
    const clock = new FakeClock();
    const app = RecordsApp.open({ dataDir: path.join(root, 'data'), shell: 'browser', clock });
    const t = await open(app, new Dispatcher(app, () => undefined), path.join(root, 'renderer'));
    office = { app, t, ...(await buildWorld(app, t, clock)) };
  }, 120_000);
  afterAll(async () => {
    await office?.t.close();
    await office?.app.close();
  });
  return () => {
    if (!office) throw new Error('the office was not built');
    return office;
  };
}

function walk(name: string, open: Opener) {
  describe(`access over ${name}`, () => {
    const office = officeFor(open);

    it('lets each caller reach exactly what the table says, for every method of the contract', async () => {
      const { app, t, world, sessions } = office();
      expect(ORDER.slice().sort()).toEqual(Object.keys(METHODS).sort());
      let expiredSeen = false;
      const mismatches: string[] = [];
      for (const method of ORDER) {
        for (const [i, probe] of WALK[method].entries()) {
          for (const who of WHO) {
            const res = await t.send(method, probe.input(world, who), sessions[who].token);
            const got = res.ok ? 'ok' : res.error.code;
            let want = probe.expect[who] ?? (who === 'signedOut' ? 'NOT_AUTHENTICATED' : who === 'expired' ? 'SESSION_EXPIRED' : 'FORBIDDEN');
            // An expired session is told so once; after that it is simply unknown.
            if (who === 'expired' && want === 'SESSION_EXPIRED') {
              if (expiredSeen) want = 'NOT_AUTHENTICATED';
              if (got === 'SESSION_EXPIRED') expiredSeen = true;
            }
            if (got !== want) mismatches.push(`${method}#${i} as ${who}: got ${got}, want ${want}`);
            if (res.ok) {
              METHODS[method].output.parse(res.value);
              probe.shows?.[who]?.(res.value);
              await settle(app, method, res.value, sessions[who].token);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(expiredSeen).toBe(true);
    }, 180_000);
  });
}

function routes(name: string, open: Opener) {
  describe(`media and events over ${name}`, () => {
    const office = officeFor(open);

    it('serves a view only to the session that opened it, and ends it only for that session', async () => {
      const { t, world, sessions } = office();
      const res = await t.send('records.play', { recordId: world.r1 }, sessions.officerA.token);
      if (!res.ok) throw new Error(res.error.code);
      const { ticket } = res.value as { ticket: string };
      const answers = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await t.media(ticket, sessions[who])] as const)));
      expect(answers).toEqual({ keeper: 404, officerA: 206, officerB: 404, responsible: 404, principal: 404, supervisor: 404, signedOut: 404, expired: 404 });
      for (const who of WHO.filter((w) => w !== 'officerA')) {
        const stop = await t.send('records.stopPlaying', { ticket }, sessions[who].token);
        expect(stop.ok ? 'ok' : stop.error.code, who).not.toBe('ok');
      }
      expect(await t.media(ticket, sessions.officerA)).toBe(206);
      expect((await t.send('records.stopPlaying', { ticket }, sessions.officerA.token)).ok).toBe(true);
      expect(await t.media(ticket, sessions.officerA)).toBe(404);
      // Nobody but the viewer was written down as having viewed or stopped viewing.
      const keeper = sessions.keeper.token;
      const audit = await t.send('audit.list', { limit: 100 }, keeper);
      if (!audit.ok) throw new Error(audit.error.code);
      const views = (audit.value as { events: { action: string; target: string | null; actorName: string | null }[] }).events.filter((e) => e.action.startsWith('record.view') && e.target === `record:${world.r1}`);
      expect(views.map((e) => e.actorName)).toEqual([ACCOUNTS.officerA.displayName, ACCOUNTS.officerA.displayName]);
    });

    it('answers every library filter, alone and two at a time, for every role', async () => {
      const { t, world, sessions } = office();
      const day = new Date().toISOString().slice(0, 10);
      const single: Record<string, unknown>[] = [
        { importJobId: world.job }, { text: '占道经营' }, { text: '李建' }, { text: '%_' }, { officerId: world.ids.officerA }, { deviceNo: 'T001' },
        { from: '2020-01-01' }, { to: day }, { caseId: world.case1 }, { mediaType: 'video' }, { linked: 'linked' }, { linked: 'unlinked' },
        { late: true }, { late: false }, { important: true }, { important: false }, { integrity: 'unchecked' }, { integrity: 'ok' }, { integrity: 'alarm' },
        { retention: 'evidence' }, { retention: 'standard' }, { retention: 'expired' }, { retention: 'expiring' },
      ];
      const combos = [...single, ...single.flatMap((a, i) => single.slice(i + 1).filter((b) => Object.keys(b)[0] !== Object.keys(a)[0]).map((b) => ({ ...a, ...b })))];
      const failed: string[] = [];
      for (const who of WHO.filter((w) => w !== 'signedOut' && w !== 'expired')) {
        for (const filters of combos) {
          const res = await t.send('records.list', { limit: 5, ...filters }, sessions[who].token);
          if (!res.ok) failed.push(`${who} ${JSON.stringify(filters)}: ${res.error.code}`);
        }
      }
      expect(failed).toEqual([]);
    }, 120_000);

    it('locks the session a viewing runs in: the viewer answers, nothing else does, until the keeper unlocks it', async () => {
      const { app, t, world, sessions, viewer } = office();
      expect(await t.events(viewer.session, app)).not.toBe('received');
      const refused: string[] = [];
      for (const method of ORDER.filter((m) => METHODS[m].access !== 'public' && !METHODS[m].viewer)) {
        const res = await t.send(method, WALK[method][0]?.input(world, 'keeper'), viewer.session.token);
        if (res.ok || res.error.code !== 'SESSION_LOCKED') refused.push(`${method}: ${res.ok ? 'ok' : res.error.code}`);
      }
      expect(refused).toEqual([]);
      expect(await t.media(viewer.keeperView, viewer.session)).toBe(404);
      const current = await t.send('viewings.current', {}, viewer.session.token);
      expect(current.ok && (current.value as { id: number }).id).toBe(world.viewing);
      const play = await t.send('viewings.play', { viewingId: world.viewing, recordId: world.r1 }, viewer.session.token);
      if (!play.ok) throw new Error(play.error.code);
      const { ticket } = play.value as { ticket: string };
      const answers = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await t.media(ticket, sessions[who])] as const)));
      expect(answers).toEqual(Object.fromEntries(WHO.map((w) => [w, 404])));
      expect(await t.media(ticket, viewer.session)).toBe(206);
      // Nothing outside the approval, and no other session's viewing.
      const other = await t.send('viewings.play', { viewingId: world.viewing, recordId: world.r2 }, viewer.session.token);
      expect(other.ok ? 'ok' : other.error.code).toBe('NOT_FOUND');
      const wrong = await t.send('viewings.unlock', { password: 'not-the-password' }, viewer.session.token);
      expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WRONG_PASSWORD');
      expect((await t.send('cases.list', {}, viewer.session.token)).ok).toBe(false);
      const unlocked = await t.send('viewings.unlock', { password: KEEPER.password }, viewer.session.token);
      expect(unlocked.ok && (unlocked.value as { closeReason: string }).closeReason).toBe('closed');
      expect(await t.media(ticket, viewer.session)).toBe(404);
      expect((await t.send('cases.list', {}, viewer.session.token)).ok).toBe(true);
    });

    it('hands a printed document only to the session that asked for it', async () => {
      const { t, world, sessions } = office();
      const res = await t.send('discs.labels', { ids: [world.disc] }, sessions.keeper.token);
      if (!res.ok) throw new Error(res.error.code);
      const { name } = res.value as { name: string };
      const answers = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await t.document(name, sessions[who])] as const)));
      expect(answers).toEqual({ keeper: 200, officerA: 404, officerB: 404, responsible: 404, principal: 404, supervisor: 404, signedOut: 404, expired: 404 });
      expect(await t.document('../records.db', sessions.keeper)).toBe(404);
      // An exported register likewise: the supervisor who exported it, nobody else.
      const exported = await t.send('registers.export', { register: 'loans', format: 'xlsx', filters: {} }, sessions.supervisor.token);
      if (!exported.ok) throw new Error(exported.error.code);
      const sheet = (exported.value as { name: string }).name;
      const sheetAnswers = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await t.document(sheet, sessions[who])] as const)));
      expect(sheetAnswers).toEqual({ keeper: 404, officerA: 404, officerB: 404, responsible: 404, principal: 404, supervisor: 200, signedOut: 404, expired: 404 });
    });

    it('opens the push stream to signed-in sessions only, and sends each only what it may see', async () => {
      const { app, t, sessions } = office();
      const answers: Partial<Record<Who, string>> = {};
      for (const who of WHO) answers[who] = await t.events(sessions[who], app);
      expect(answers).toEqual({ keeper: 'received', officerA: 'withheld', officerB: 'withheld', responsible: 'withheld', principal: 'withheld', supervisor: 'withheld', signedOut: 'refused', expired: 'refused' });
    });
  });
}

walk('the in-process dispatcher', async (app, dispatcher) => inProcess(app, dispatcher));
walk('the loopback HTTP bridge', (_app, dispatcher, rendererDir) => overHttp(dispatcher, rendererDir));
routes('the in-process dispatcher', async (app, dispatcher) => inProcess(app, dispatcher));
routes('the loopback HTTP bridge', (_app, dispatcher, rendererDir) => overHttp(dispatcher, rendererDir));
