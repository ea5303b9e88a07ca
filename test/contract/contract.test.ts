import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcRequest, RpcResponse } from '../../shared/contract/envelope.js';
import { METHODS, type MethodName } from '../../shared/contract/methods.js';
import { RecordsApp } from '../../electron/core/app/records-app.js';
import { Dispatcher } from '../../electron/core/rpc/dispatcher.js';
import { startBridge, type Bridge } from '../../electron/bridge/server.js';
import { COOKIE_NAME } from '../../electron/bridge/security.js';
import { bridgeLogin, rawRequest } from '../support/http.js';
import { make as media } from '../support/media.js';
import { NO_LEDGER_FACTS } from '../../shared/contract/ledgers-dto.js';
import { KEEPER, tempDir } from '../support/test-app.js';
import { officeTime } from '../../shared/rules/office-time.js';
import { SOME_IMPORT_PROGRESS } from '../support/push-events.js';

interface Harness {
  send(req: RpcRequest): Promise<RpcResponse>;
  close(): Promise<void>;
}

function inProcess(dispatcher: Dispatcher): Harness {
  return { send: (req) => dispatcher.dispatch(req, 'contract (in-process)'), close: async () => undefined };
}

async function overHttp(dispatcher: Dispatcher, rendererDir: string): Promise<Harness & { bridge: Bridge; cookie: string }> {
  const bridge = await startBridge({ dispatcher, rendererDir });
  const launch = await rawRequest(bridge.port, { path: `/launch?token=${bridge.token}` });
  const cookie = String(launch.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return {
    bridge,
    cookie,
    send: async (req) => {
      const res = await rawRequest(bridge.port, { method: 'POST', path: '/rpc', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(req) });
      return JSON.parse(res.body) as RpcResponse;
    },
    close: () => bridge.close(),
  };
}

const fixtureDirs: string[] = [];
afterAll(() => fixtureDirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A fresh data folder and a stand-in built renderer, behind the harness `make` builds. */
async function fixture<H extends Harness>(make: (dispatcher: Dispatcher, rendererDir: string) => Promise<H>): Promise<{ app: RecordsApp; h: H }> {
  const dir = tempDir();
  fixtureDirs.push(dir);
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>records</title>');
  const app = RecordsApp.open({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  return { app, h: await make(new Dispatcher(app, () => undefined), path.join(dir, 'renderer')) };
}

const exercised = new Set<MethodName>();

function contractSuite(name: string, make: (dispatcher: Dispatcher, rendererDir: string) => Promise<Harness>) {
  describe(`contract over ${name}`, () => {
    let app: RecordsApp;
    let h: Harness;
    async function call(method: MethodName, input: unknown, token?: string | null): Promise<RpcResponse> {
      const res = await h.send({ method, input, token });
      exercised.add(method);
      if (res.ok) METHODS[method].output.parse(res.value);
      return res;
    }
    async function ok<T>(method: MethodName, input: unknown, token?: string | null): Promise<T> {
      const res = await call(method, input, token);
      if (!res.ok) throw new Error(`${method}: ${res.error.code}`);
      return res.value as T;
    }
    const code = async (method: MethodName, input: unknown, token?: string | null) => {
      const res = await call(method, input, token);
      return res.ok ? 'ok' : res.error.code;
    };

    beforeAll(async () => {
      ({ app, h } = await fixture(make));
    });
    afterAll(async () => {
      await h.close();
      await app.close();
    });

    it('walks first-run, sign-in, permissions and errors with the same answers', async () => {
      expect((await ok<{ state: string }>('system.status', {})).state).toBe('setup');
      expect(await code('auth.me', {})).toBe('NOT_INITIALIZED');
      expect(await code('system.setup', { officeName: '', unitCode: 'X', admin: KEEPER })).toBe('VALIDATION_FAILED');
      await ok('system.setup', { officeName: '峡口镇执法办', unitCode: 'XK-01', admin: KEEPER });
      expect(await code('system.setup', { officeName: '峡口镇执法办', unitCode: 'XK-01', admin: KEEPER })).toBe('ALREADY_INITIALIZED');
      expect(await code('auth.me', {})).toBe('NOT_AUTHENTICATED');
      expect(await code('auth.me', {}, 'forged-token')).toBe('NOT_AUTHENTICATED');
      expect(await code('auth.login', { username: 'keeper', password: 'wrong' })).toBe('AUTH_FAILED');
      const { token } = await ok<{ token: string }>('auth.login', { username: 'keeper', password: KEEPER.password });
      expect((await ok<{ username: string }>('auth.me', {}, token)).username).toBe('keeper');
      const unknown = await h.send({ method: 'accounts.drop', input: {}, token });
      expect(unknown.ok ? 'ok' : unknown.error.code).toBe('UNKNOWN_METHOD');
      const invalid = await call('accounts.create', { username: '!', displayName: '', role: 'janitor', isAdmin: 'yes', password: 'x', extra: 1 }, token);
      expect(invalid.ok).toBe(false);
      if (!invalid.ok) expect((invalid.error.details?.issues as unknown[]).length).toBeGreaterThanOrEqual(4);
      // Text that reads as something else: direction overrides, NUL and other controls, in any field, nested or not.
      const spoof = { username: 'officer9', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026' };
      for (const displayName of ['李\u202E国建', '李\u2066建国', '李\u0000建国', '李\u001B建国', '李\u200F建国']) {
        expect(await code('accounts.create', { ...spoof, displayName }, token), JSON.stringify(displayName)).toBe('UNSAFE_TEXT');
      }
      expect(await code('records.list', { limit: 5, text: '占道\u0000经营' }, token)).toBe('UNSAFE_TEXT');
      await ok('accounts.create', { username: 'officer1', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
      const officer = (await ok<{ token: string }>('auth.login', { username: 'officer1', password: 'Officer2026' })).token;
      expect(await code('accounts.create', { username: 'o2', displayName: 'x', role: 'officer', isAdmin: false, password: 'Officer2026' }, officer)).toBe('FORBIDDEN');
      expect(await code('accounts.list', {}, officer)).toBe('FORBIDDEN');
      expect(await code('audit.list', { limit: 10 }, officer)).toBe('FORBIDDEN');
      expect(await code('auth.setLanguage', { language: 'en' }, officer)).toBe('ok');
      expect(await code('auth.changePassword', { oldPassword: 'Officer2026', newPassword: 'Officer2027' }, officer)).toBe('ok');
      expect(await code('auth.logout', {}, officer)).toBe('ok');
      expect(await code('auth.me', {}, officer)).toBe('NOT_AUTHENTICATED');
      expect(await code('accounts.list', {}, token)).toBe('ok');
      expect(await code('accounts.setDisabled', { id: 2, disabled: true }, token)).toBe('ok');
      expect(await code('accounts.setDisabled', { id: 99, disabled: true }, token)).toBe('NOT_FOUND');
      expect(await code('accounts.resetPassword', { id: 2, password: 'Officer2028' }, token)).toBe('ok');
      expect(await code('settings.get', {}, token)).toBe('ok');
      expect(await code('settings.update', { office: { name: '峡口镇综合行政执法办公室', unitCode: 'XK-01' } }, token)).toBe('ok');
      expect(await code('audit.list', { limit: 10 }, token)).toBe('ok');
      expect((await ok<{ ok: boolean }>('audit.verify', {}, token)).ok).toBe(true);

      const camera = tempDir('rr-contract-cam-');
      fixtureDirs.push(camera);
      media.random(path.join(camera, 'DCIM', 'clip.mp4'), 200_000);
      expect(await code('import.start', { source: path.join(camera, 'missing') }, token)).toBe('SOURCE_NOT_FOUND');
      expect(await code('import.sources', {}, token)).toBe('ok');
      expect(await ok<{ files: number; cameraFolders: string[] }>('import.preview', { source: camera }, token)).toMatchObject({ files: 1, cameraFolders: ['DCIM'] });
      expect(await code('import.preview', { source: path.join(camera, 'missing') }, token)).toBe('SOURCE_NOT_FOUND');
      expect(await code('import.start', { source: camera }, officer)).toBe('NOT_AUTHENTICATED');
      const { jobId } = await ok<{ jobId: number }>('import.start', { source: camera }, token);
      await app.core.imports.wait(jobId);
      expect((await ok<{ state: string }>('import.get', { jobId }, token)).state).toBe('finished');
      expect(await code('import.get', { jobId: 999 }, token)).toBe('NOT_FOUND');
      expect((await ok<{ state: string }>('import.cancel', { jobId }, token)).state).toBe('finished');
      expect((await ok<unknown[]>('import.recent', {}, token)).length).toBe(1);
      expect((await ok<{ total: number }>('records.list', { limit: 10 }, token)).total).toBe(1);
      expect((await ok<{ total: number }>('records.list', { limit: 10, importJobId: jobId }, token)).total).toBe(1);
      expect((await ok<{ total: number }>('records.list', { limit: 10, importJobId: jobId + 1 }, token)).total).toBe(0);
      const [record] = (await ok<{ records: { id: number }[] }>('records.list', { limit: 1 }, token)).records;
      expect(await ok<unknown[]>('records.posters', { ids: [record?.id ?? 0] }, token)).toEqual([]);
      expect(await code('records.play', { recordId: record?.id ?? 0 }, token)).toBe('NOT_PLAYABLE');
      expect(await code('records.stopPlaying', { ticket: 'none' }, token)).toBe('NOT_FOUND');
      expect((await ok<{ clips: unknown[] }>('records.timeline', { deviceNo: 'T001' }, token)).clips).toEqual([]);
      const { runId } = await ok<{ runId: number }>('integrity.check', { scope: { kind: 'sample', count: 1 } }, token);
      await app.core.fixity.wait(runId);
      expect((await ok<{ summary: { ok: number } }>('integrity.get', { runId }, token)).summary.ok).toBe(1);
      expect((await ok<{ openAlarms: unknown[] }>('integrity.status', {}, token)).openAlarms).toEqual([]);
      expect(await ok<unknown[]>('integrity.alarms', {}, token)).toEqual([]);
      expect(await code('integrity.resolveAlarm', { id: 99, note: 'x' }, token)).toBe('NOT_FOUND');
      expect((await ok<{ checks: unknown[] }>('records.integrity', { recordId: record?.id ?? 0 }, token)).checks).toHaveLength(1);
      expect(await code('integrity.restoreOriginal', { recordId: record?.id ?? 0 }, token)).toBe('NO_BACKUP_COPY');
      const second = await ok<{ id: number }>('accounts.create', { username: 'officer2', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
      const kase = await ok<{ id: number; version: number }>(
        'cases.create',
        { fields: { caseNo: '峡综执罚〔2026〕1号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某' }], handlerIds: [2, second.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } },
        token,
      );
      expect((await ok<{ total: number }>('cases.list', {}, token)).total).toBe(1);
      expect(await code('cases.update', { id: kase.id, version: 9, fields: { caseNo: '峡综执罚〔2026〕1号', kind: 'penalty', cause: 'x', parties: [{ kind: 'person', name: '王某' }], handlerIds: [2, second.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } }, token)).toBe('STALE_VERSION');
      const linked = await ok<{ links: { id: number }[] }>('cases.link', { caseId: kase.id, recordIds: [record?.id ?? 0], role: 'other' }, token);
      expect(await code('cases.unlink', { linkId: linked.links[0]?.id ?? 0, reason: '误关联' }, token)).toBe('ok');
      expect((await ok<{ history: unknown[] }>('cases.get', { id: kase.id }, token)).history).toHaveLength(3);
      const backupDir = tempDir('rr-contract-backup-');
      fixtureDirs.push(backupDir);
      const target = await ok<{ id: number }>('backup.addTarget', { path: backupDir, label: 'A' }, token);
      const { runId: backupRun } = await ok<{ runId: number }>('backup.run', { targetId: target.id }, token);
      await app.core.backup.wait(backupRun);
      expect((await ok<{ state: string }>('backup.get', { runId: backupRun }, token)).state).toBe('finished');
      expect((await ok<{ held: number }[]>('backup.targets', {}, token))[0]?.held).toBe(1);
      expect(await code('backup.retireTarget', { id: target.id }, token)).toBe('ok');
      expect(await code('backup.run', { targetId: target.id }, token)).toBe('NOT_FOUND');
      expect(await code('records.posters', { ids: [record?.id ?? 0] }, officer)).toBe('NOT_AUTHENTICATED');
      expect(await code('records.explainLate', { recordId: record?.id ?? 0, reason: '在外执勤' }, token)).toBe('ok');
      expect(await code('accounts.setOfficerNo', { id: 2, officerNo: '000123' }, token)).toBe('ok');
      const device = await ok<{ id: number }>('devices.save', { deviceNo: 'T001', label: '1 号', officerId: 2 }, token);
      expect((await ok<unknown[]>('devices.list', {}, token)).length).toBe(1);
      expect(await code('devices.setRetired', { id: device.id, retired: true }, token)).toBe('ok');
      const absence = await ok<{ id: number }>('absences.add', { officerId: 2, startsAt: '2026-11-18T08:00:00', returnedAt: '2026-11-23T18:00:00', reason: '水上执勤' }, token);
      expect((await ok<unknown[]>('absences.list', {}, token)).length).toBe(1);
      expect(await code('absences.withdraw', { id: absence.id, reason: '登记有误' }, token)).toBe('ok');
      expect(await code('absences.withdraw', { id: 999, reason: '登记有误' }, token)).toBe('NOT_FOUND');
      expect(await code('records.assignOfficer', { recordId: record?.id ?? 0, officerId: 2 }, token)).toBe('ok');

      // Evidence discs, end to end through the contract (no optical drive here: none is listed).
      const facts = { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '集贸市场东门', statement: '占道经营' };
      expect(await code('discs.plan', { caseId: kase.id, medium: 'cd' }, token)).toBe('CASE_NO_EVIDENCE');
      await ok('cases.link', { caseId: kase.id, recordIds: [record?.id ?? 0], role: 'evidence', facts }, token);
      expect((await ok<{ discs: unknown[] }>('discs.plan', { caseId: kase.id, medium: 'cd' }, token)).discs).toHaveLength(1);
      const images = tempDir('rr-contract-discs-');
      fixtureDirs.push(images);
      const { jobId: discJob } = await ok<{ jobId: number }>('discs.build', { caseId: kase.id, medium: 'cd', outDir: images }, token);
      await app.core.discs.wait(discJob);
      const job = await ok<{ state: string; discIds: number[] }>('discs.job', { jobId: discJob }, token);
      expect(job.state).toBe('finished');
      expect((await ok<{ state: string }>('discs.cancel', { jobId: discJob }, token)).state).toBe('finished');
      const discId = job.discIds[0] ?? 0;
      expect((await ok<unknown[]>('discs.list', {}, token)).length).toBe(1);
      const disc = await ok<{ imagePath: string }>('discs.get', { id: discId }, token);
      expect(await code('discs.setLocation', { id: discId, location: '案卷内' }, token)).toBe('ok');
      expect((await ok<{ verdict: string }>('discs.check', { path: disc.imagePath }, token)).verdict).toBe('ok');
      expect(await code('discs.labels', { ids: [discId] }, token)).toBe('ok');
      expect(await ok<unknown[]>('discs.drives', {}, token)).toEqual([]);
      expect(await code('discs.burn', { discId, drive: '/dev/sr9' }, token)).toBe('NO_DRIVE');

      // Requests: the keeper registers a department's; a leader's decision arrives on paper.
      expect((await ok<unknown[]>('requests.rules', {}, token)).length).toBe(5);
      expect(await code('requests.setRule', { kind: 'department_view', approverRole: 'responsible_leader' }, token)).toBe('ok');
      const leader = await ok<{ id: number }>('accounts.create', { username: 'leader1', displayName: '刘分管', role: 'responsible_leader', isAdmin: false, password: 'Leader2026x' }, token);
      // The app runs on the real clock here: the window is around now.
      const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
      const request = await ok<{ id: number }>('requests.create', { kind: 'department_view', caseId: kase.id, requester: { name: '赵科长', department: '镇司法所' }, items: [{ kind: 'case', id: kase.id }], purpose: '复议审查', content: '现场录像', window }, token);
      expect((await ok<{ total: number }>('requests.list', {}, token)).total).toBe(1);
      expect((await ok<{ id: number }>('requests.findCase', { caseNo: '峡综执罚[2026]1号' }, token)).id).toBe(kase.id);
      expect((await ok<{ state: string }>('requests.get', { id: request.id }, token)).state).toBe('pending');
      expect(await code('requests.decide', { id: request.id, outcome: 'approved' }, token)).toBe('FORBIDDEN');
      const scan = path.join(images, 'form.jpg');
      media.jpeg(scan);
      expect(await code('requests.form', { id: request.id }, token)).toBe('ok');
      expect((await ok<{ state: string }>('requests.recordPaperDecision', { id: request.id, outcome: 'approved', decidedBy: leader.id, decidedAt: new Date().toISOString(), scanPath: scan }, token)).state).toBe('approved');
      const viewing = await ok<{ id: number }>('viewings.open', { requestId: request.id, idCheck: '核对工作证' }, token);
      expect(await code('viewings.play', { viewingId: viewing.id, recordId: record?.id ?? 0 }, token)).toBe('NOT_PLAYABLE');
      expect(await code('viewings.log', { viewingId: viewing.id, recordId: record?.id ?? 0, event: 'pause', position: 1 }, token)).toBe('ok');
      expect((await ok<{ id: number }>('viewings.current', {}, token)).id).toBe(viewing.id);
      expect(await code('viewings.close', { viewingId: viewing.id, reason: '查阅人已离开' }, token)).toBe('SESSION_LOCKED');
      expect(await code('viewings.unlock', { password: 'wrong' }, token)).toBe('WRONG_PASSWORD');
      expect((await ok<{ closeReason: string }>('viewings.unlock', { password: KEEPER.password }, token)).closeReason).toBe('closed');
      expect(await code('viewings.close', { viewingId: viewing.id, reason: '查阅人已离开' }, token)).toBe('VIEWING_CLOSED');
      expect((await ok<unknown[]>('viewings.list', {}, token)).length).toBe(1);
      expect((await ok<{ events: unknown[] }>('viewings.get', { id: viewing.id }, token)).events).toHaveLength(1);
      const lending = await ok<{ id: number }>('requests.create', { kind: 'lend_item', requester: { name: '赵科长', department: '镇司法所' }, items: [{ kind: 'disc', id: discId }], purpose: '复议审查', content: '证据光盘', window }, token);
      await ok('requests.recordPaperDecision', { id: lending.id, outcome: 'approved', decidedBy: leader.id, decidedAt: new Date().toISOString(), scanPath: scan }, token);
      const today = officeTime(new Date(), 'Asia/Shanghai').slice(0, 10);
      const loan = await ok<{ id: number }>('loans.lend', { requestId: lending.id, item: { kind: 'disc', id: discId }, dueOn: today }, token);
      expect(await code('loans.lend', { requestId: lending.id, item: { kind: 'disc', id: discId }, dueOn: today }, token)).toBe('ITEM_OUT');
      expect(await code('loans.receipt', { loanId: loan.id }, token)).toBe('ok');
      expect((await ok<unknown[]>('loans.list', { out: true }, token)).length).toBe(1);
      expect((await ok<{ condition: string }>('loans.return', { loanId: loan.id, condition: '完好' }, token)).condition).toBe('完好');
      expect(await code('loans.return', { loanId: loan.id, condition: '完好' }, token)).toBe('ALREADY_RETURNED');
      expect((await ok<{ standardYears: number }>('retention.policy', {}, token)).standardYears).toBe(3);
      expect(await code('retention.setPolicy', { standardYears: 2, evidenceYears: 30 }, token)).toBe('RETENTION_TOO_SHORT');
      expect((await ok<{ evidenceYears: unknown }>('retention.setPolicy', { standardYears: 3, evidenceYears: 'permanent' }, token)).evidenceYears).toBe('permanent');
      const held = await ok<{ holds: { id: number }[]; status: string }>('retention.hold', { recordId: record?.id ?? 0, kind: 'litigation', reason: '行政诉讼' }, token);
      expect(held.status).toBe('held');
      const holdId = held.holds[0]?.id ?? 0;
      expect((await ok<{ holds: { liftedAt: string | null }[] }>('retention.lift', { holdId, reason: '诉讼终结' }, token)).holds[0]?.liftedAt).not.toBeNull();
      expect(await code('retention.lift', { holdId, reason: '再次' }, token)).toBe('ALREADY_LIFTED');
      expect(await ok<unknown[]>('retention.holds', {}, token)).toEqual([]);
      expect(await code('retention.record', { recordId: record?.id ?? 0 }, token)).toBe('ok');
      expect((await ok<{ total: number }>('retention.review', {}, token)).total).toBe(0);
      expect(await ok<unknown[]>('retention.warnings', {}, token)).toHaveLength(3);
      // Destruction lists: nothing here has expired, so a proposal is refused by name; no list exists to decide.
      expect(await code('destruction.propose', { recordIds: [record?.id ?? 0], reason: '期满销毁' }, token)).toBe('NOT_EXPIRED');
      expect((await ok<{ total: number }>('destruction.list', {}, token)).total).toBe(0);
      expect(await code('destruction.get', { number: '2026-X0001' }, token)).toBe('NOT_FOUND');
      expect(await code('destruction.form', { id: 1 }, token)).toBe('NOT_FOUND');
      expect(await code('destruction.execute', { id: 1 }, token)).toBe('NOT_FOUND');
      expect(await code('destruction.job', { jobId: 1 }, token)).toBe('NOT_FOUND');
      expect(await code('destruction.decide', { id: 1, outcome: 'approved' }, token)).toBe('FORBIDDEN');
      expect(await code('destruction.recordPaperDecision', { id: 1, outcome: 'approved', decidedBy: leader.id, decidedAt: window.from, scanPath: scan }, token)).toBe('NOT_FOUND');
      expect((await ok<unknown[]>('loans.list', { state: 'returned', borrower: '司法所' }, token)).length).toBe(1);
      expect((await ok<{ name: string }>('registers.export', { register: 'loans', format: 'xlsx', filters: { from: today, to: today } }, token)).name).toMatch(/\.xlsx$/);
      expect((await ok<{ name: string }>('registers.export', { register: 'viewings', format: 'pdf', filters: { state: 'closed' } }, token)).name).toMatch(/\.pdf$/);
      // The county ledgers: the open case waits for its closing day; a period ending before it begins is refused.
      expect(await code('cases.setLedgerFacts', { id: kase.id, version: 99, facts: NO_LEDGER_FACTS }, token)).toBe('STALE_VERSION');
      expect((await ok<{ waiting: { caseNo: string; waiting: string }[] }>('ledgers.get', { kind: 'penalty' }, token)).waiting).toEqual([expect.objectContaining({ caseNo: '峡综执罚〔2026〕1号', waiting: 'not_closed' })]);
      expect(await code('ledgers.get', { kind: 'penalty', from: '2026-11-30', to: '2026-11-01' }, token)).toBe('VALIDATION_FAILED');
      expect(await code('ledgers.get', { kind: 'fine', from: '2026-11-01', to: '2026-11-30' }, token)).toBe('VALIDATION_FAILED');
      expect((await ok<{ name: string }>('ledgers.export', { kind: 'inspection', format: 'docx' }, token)).name).toMatch(/\.docx$/);
      const due = await ok<{ month: string; kinds: { sent: unknown }[] }>('ledgers.due', {}, token);
      expect((await ok<{ kinds: { kind: string; sent: unknown }[] }>('ledgers.markSent', { kind: 'penalty', month: due.month }, token)).kinds.filter((k) => k.sent).map((k) => k.kind)).toEqual(['penalty']);
      expect((await ok<{ categories: string[] }>('statistics.get', { chart: 'recordings', from: '2026-01-01', to: '2026-12-31' }, token)).categories).toHaveLength(12);
      expect(await code('statistics.get', { chart: 'recordings', from: '2026-12-31', to: '2026-01-01' }, token)).toBe('VALIDATION_FAILED');
      expect(await code('statistics.get', { chart: 'pie' }, token)).toBe('VALIDATION_FAILED');
      expect((await ok<{ name: string }>('statistics.export', { chart: 'lending' }, token)).name).toMatch(/^statistics-lending-.*\.xlsx$/);
      const imported = await ok<{ name: string }[]>('registers.rows', { register: 'imports', filters: { from: today, to: today } }, token);
      expect(imported.length).toBeGreaterThan(0);
      expect(await code('registers.rows', { register: 'discs', filters: { from: today, to: '2000-01-01' } }, token)).toBe('VALIDATION_FAILED');
      // Spot checks: the keeper reads them but never draws; the supervisor finds nothing on an empty ledger.
      await ok('accounts.create', { username: 'county1', displayName: '县局周某', role: 'supervisor', isAdmin: false, password: 'County2026x' }, token);
      const county = await ok<{ token: string }>('auth.login', { username: 'county1', password: 'County2026x' });
      expect(await code('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 5 }, token)).toBe('FORBIDDEN');
      expect(await code('spotChecks.draw', { from: '2020-11-01', to: '2020-11-30', size: 5, seed: 1 }, county.token)).toBe('NO_CANDIDATES');
      expect(await code('spotChecks.draw', { from: '2026-11-30', to: '2026-11-01', size: 5 }, county.token)).toBe('VALIDATION_FAILED');
      expect(await ok<unknown[]>('spotChecks.list', {}, token)).toEqual([]);
      expect(await code('spotChecks.get', { id: 1 }, token)).toBe('NOT_FOUND');
      expect(await code('spotChecks.addFinding', { id: 1, caseId: kase.id, verdict: 'pass', text: '齐全' }, county.token)).toBe('NOT_FOUND');
      expect(await code('spotChecks.close', { id: 1 }, county.token)).toBe('NOT_FOUND');
      expect(await code('spotChecks.report', { id: 1 }, token)).toBe('NOT_FOUND');
    });
  });
}

contractSuite('the in-process dispatcher', async (dispatcher) => inProcess(dispatcher));
contractSuite('the loopback HTTP bridge', (dispatcher, rendererDir) => overHttp(dispatcher, rendererDir));

describe('contract coverage', () => {
  it('exercises every method of the contract', () => {
    expect([...exercised].sort()).toEqual(Object.keys(METHODS).sort());
  });
});

describe('the bridge refuses what is not its own page', () => {
  let app: RecordsApp;
  let h: Awaited<ReturnType<typeof overHttp>>;
  beforeAll(async () => {
    ({ app, h } = await fixture(overHttp));
  });
  afterAll(async () => {
    await h.close();
    await app.close();
  });

  it('listens on the loopback address only', () => {
    expect(h.bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('swaps the launch token for an HttpOnly, SameSite cookie and refuses a wrong one', async () => {
    expect(h.cookie.startsWith(`${COOKIE_NAME}=`)).toBe(true);
    const launch = await rawRequest(h.bridge.port, { path: `/launch?token=${h.bridge.token}` });
    expect(launch.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await rawRequest(h.bridge.port, { path: '/launch?token=guess' })).status).toBe(401);
  });

  it('refuses requests without the cookie', async () => {
    expect((await rawRequest(h.bridge.port, { path: '/' })).status).toBe(401);
    expect((await rawRequest(h.bridge.port, { method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site)', async () => {
    const cookie = { Cookie: h.cookie };
    expect((await rawRequest(h.bridge.port, { path: '/', headers: { ...cookie, Host: 'evil.example' } })).status).toBe(403);
    expect((await rawRequest(h.bridge.port, { path: '/', headers: { ...cookie, Host: `evil.example:${h.bridge.port}` } })).status).toBe(403);
    const post = { method: 'POST', path: '/rpc', body: '{"method":"system.status","input":{}}' };
    expect((await rawRequest(h.bridge.port, { ...post, headers: { ...cookie, 'Content-Type': 'application/json', Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await rawRequest(h.bridge.port, { ...post, headers: { ...cookie, 'Content-Type': 'application/json', Origin: h.bridge.origin } })).status).toBe(200);
    expect((await rawRequest(h.bridge.port, { path: '/', headers: { ...cookie, Host: `localhost:${h.bridge.port}` } })).status).toBe(200);
  });

  it('takes JSON by POST only, of bounded size, and answers malformed JSON with a code', async () => {
    const cookie = { Cookie: h.cookie };
    expect((await rawRequest(h.bridge.port, { path: '/rpc', headers: cookie })).status).toBe(405);
    expect((await rawRequest(h.bridge.port, { method: 'POST', path: '/rpc', headers: { ...cookie, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    // The answer itself, not a reset connection taken for one.
    const big = await rawRequest(h.bridge.port, { method: 'POST', path: '/rpc', headers: { ...cookie, 'Content-Type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body).toBe('Request too large');
    const bad = await rawRequest(h.bridge.port, { method: 'POST', path: '/rpc', headers: { ...cookie, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('stops reading an oversized body at the limit and closes the connection behind its 413', async () => {
    const socket = net.connect(h.bridge.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    let isClosed = false;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve(void (isClosed = true))));
    socket.on('error', () => undefined);
    // A body that says 64 MiB and sends it a MiB at a time, until the bridge answers or hangs up.
    socket.write(`POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${h.bridge.port}\r\nCookie: ${h.cookie}\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`);
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x78);
    while (sent < 64 * 1024 * 1024 && answer === '' && !isClosed) {
      const flushed = socket.write(chunk);
      sent += chunk.length;
      if (!flushed) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('Request too large');
    // Answered long before the 64 MiB were through: it was not read to the end.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('answers a malformed escape in a document path with 400, not a crash', async () => {
    expect((await rawRequest(h.bridge.port, { path: '/documents/%E0%A4%A', headers: { Cookie: h.cookie } })).status).toBe(400);
  });

  it('serves the page with a strict content policy and never a file outside the renderer', async () => {
    const page = await rawRequest(h.bridge.port, { path: '/', headers: { Cookie: h.cookie } });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const traversal = await rawRequest(h.bridge.port, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers: { Cookie: h.cookie } });
    expect(traversal.body).toContain('<title>records</title>');
  });

  it('pushes core events down the event stream, to a signed-in session only', async () => {
    expect((await rawRequest(h.bridge.port, { path: '/events', headers: { Cookie: h.cookie } })).status).toBe(401);
    await h.send({ method: 'system.setup', input: { officeName: '峡口镇执法办', unitCode: 'XK-01', admin: KEEPER } });
    const keeper = await bridgeLogin(h.bridge.port, h.cookie, KEEPER.username, KEEPER.password);
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: h.bridge.port, path: '/events', headers: { Host: `127.0.0.1:${h.bridge.port}`, Cookie: keeper.cookie } },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            data += chunk;
            if (data.includes(': connected')) app.bus.publish(SOME_IMPORT_PROGRESS);
            if (data.includes('import.progress')) {
              req.destroy();
              resolve(data);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toContain('"type":"import.progress"');
  });
});
