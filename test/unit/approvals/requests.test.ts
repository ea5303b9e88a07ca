import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store/open-store.js';
import { make } from '../../support/media.js';
import { appPerTest, codeOf, scratch } from '../../support/test-app.js';
import { PASSWORD, approvalsOffice, hours } from '../../support/approvals.js';

const dir = scratch();
const { open } = appPerTest();
describe('requests to view, and their approval', () => {
  it('lets an officer who is not the handler watch only what a leader approved, only inside the window', async () => {
    const o = await approvalsOffice(await open(), dir('rr-req-src-'));
    const { t } = o;
    const wang = await o.as('wang');
    const liu = await o.as('liu');
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipA.id }, wang))).toBe('NOT_FOUND');
    // Not a handler, wang can't list the case; he names it by its number to say what he asks for.
    expect(await codeOf(() => t.call('cases.get', { id: o.caseId }, wang))).toBe('NOT_FOUND');
    // Before an approval he learns that it exists and how many recordings it holds: no names, times or ids.
    const named = await t.call('requests.findCase', { caseNo: '峡综执罚[2026]12号' }, wang);
    expect(named).toEqual({ id: o.caseId, caseNo: '峡综执罚〔2026〕12号', recordCount: o.records.length, records: [] });
    // The keeper, who reaches them all, is shown each by name.
    const listed = await t.call('requests.findCase', { caseNo: '峡综执罚[2026]12号' }, o.token);
    expect(listed.records.map((r) => r.id).sort()).toEqual(o.records.map((r) => r.id).sort());
    expect(listed.records.find((r) => r.id === o.clipA.id)).toMatchObject({ name: o.clipA.originalName, mediaType: 'video', available: true });
    expect(await codeOf(() => t.call('requests.findCase', { caseNo: '峡综执罚〔2026〕1' }, wang))).toBe('NOT_FOUND');
    const asked = await t.call('requests.create', { kind: 'officer_view', caseId: o.caseId, items: [{ kind: 'case', id: o.caseId }], purpose: '办理关联案件需要核对', content: '查看现场录像', window: o.window }, wang);
    expect(asked).toMatchObject({ number: '2026-S0001', state: 'pending', approverRole: 'responsible_leader', requester: { name: '王强', accountId: o.wang.id }, items: [{ kind: 'case', label: '峡综执罚〔2026〕12号' }] });
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipA.id }, wang))).toBe('NOT_FOUND');

    // The principal leader is not this kind's approver; the requester can't decide at all.
    const sun = await o.as('sun');
    expect(await codeOf(() => t.call('requests.decide', { id: asked.id, outcome: 'approved' }, sun))).toBe('NOT_APPROVER');
    expect(await codeOf(() => t.call('requests.decide', { id: asked.id, outcome: 'approved' }, wang))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('requests.decide', { id: asked.id, outcome: 'approved', items: [{ kind: 'record', id: 999 }] }, liu))).toBe('VALIDATION_FAILED');
    const short = { from: o.window.from, to: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString() };
    // The whole case was asked for; two of its clips are approved.
    const approved = await t.call('requests.decide', { id: asked.id, outcome: 'approved', items: [{ kind: 'record', id: o.clipA.id }, { kind: 'record', id: o.clipB.id }], window: short }, liu);
    expect(approved).toMatchObject({ state: 'approved', decision: { by: '刘分管', source: 'app', grantedWindow: short }, liveGrants: 2 });
    expect(approved.decision?.chainHead.seq).toBeGreaterThan(0);
    expect(await codeOf(() => t.call('requests.decide', { id: asked.id, outcome: 'rejected', reason: '改主意' }, liu))).toBe('ALREADY_DECIDED');

    const view = await t.call('records.play', { recordId: o.clipA.id }, wang);
    // Played on the approval: the watermark names the officer and the approval.
    expect(view.watermark.name).toBe(`王强 · ${asked.number}`);
    expect(t.app.core.playback.resolve(view.ticket, wang)).not.toBeNull();
    expect((await t.call('records.list', { limit: 10 }, wang)).total).toBe(2);
    // The window closes (the session is still signed in): the list narrows and the open player stops at its next request.
    t.clock.advanceMinutes(11);
    expect(t.app.core.playback.resolve(view.ticket, wang)).toBeNull();
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipA.id }, wang))).toBe('NOT_FOUND');
    expect((await t.call('records.list', { limit: 10 }, wang)).total).toBe(0);
    expect((await t.call('requests.get', { id: asked.id }, wang)).liveGrants).toBe(0);
  });

  it('narrows to the records approved, and ends a grant at once when an integrity alarm is raised', async () => {
    const o = await approvalsOffice(await open(), dir('rr-req-src-'));
    const { t } = o;
    const wang = await o.as('wang');
    const asked = await t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.clipA.id }, { kind: 'record', id: o.clipB.id }], purpose: '核对', content: '两段录像', window: o.window }, wang);
    // Asking by record number reads no file name back before the approval; the keeper sees the names.
    expect(asked.items.map((i) => i.label)).toEqual([`#${o.clipA.id}`, `#${o.clipB.id}`]);
    expect((await t.call('requests.get', { id: asked.id }, o.token)).items.map((i) => i.label)).toEqual([o.clipA.originalName, o.clipB.originalName]);
    await t.call('requests.decide', { id: asked.id, outcome: 'approved', items: [{ kind: 'record', id: o.clipA.id }], window: { from: o.window.from, to: hours(1, t.clock.now()) } }, await o.as('liu'));
    await t.call('records.play', { recordId: o.clipA.id }, wang);
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipB.id }, wang))).toBe('NOT_FOUND');
    expect(() => t.app.core.db.prepare('DELETE FROM access_grants').run()).toThrow(/revoked/);
    t.app.core.db.prepare("INSERT INTO integrity_alarms (kind, object, record_id, raised_at, detail) VALUES ('mismatch', ?, ?, ?, '{}')").run(o.clipA.sha256, o.clipA.id, t.clock.now().toISOString());
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipA.id }, wang))).toBe('NOT_FOUND');
    expect((await t.call('requests.findCase', { caseNo: '峡综执罚〔2026〕12号' }, o.token)).records.find((r) => r.id === o.clipA.id)?.available).toBe(false);
    expect(await codeOf(() => t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.clipA.id }], purpose: '核对', content: '录像', window: o.window }, wang))).toBe('ITEM_UNAVAILABLE');
  });

  it('rejects only with a reason, keeps officers to their own requests, and audits every refusal', async () => {
    const o = await approvalsOffice(await open(), dir('rr-req-src-'));
    const { t } = o;
    const wang = await o.as('wang');
    const liu = await o.as('liu');
    const asked = await t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.clipA.id }], purpose: '核对', content: '录像', window: o.window }, wang);
    expect(await codeOf(() => t.call('requests.decide', { id: asked.id, outcome: 'rejected' }, liu))).toBe('VALIDATION_FAILED');
    const rejected = await t.call('requests.decide', { id: asked.id, outcome: 'rejected', reason: '与本人承办案件无关' }, liu);
    expect(rejected).toMatchObject({ state: 'rejected', decision: { reason: '与本人承办案件无关', grantedItems: null }, liveGrants: 0 });
    expect(await codeOf(() => t.call('records.play', { recordId: o.clipA.id }, wang))).toBe('NOT_FOUND');
    // Another officer does not see it; the keeper and the leaders do.
    const li = await t.login('li', PASSWORD);
    expect(await codeOf(() => t.call('requests.get', { id: asked.id }, li))).toBe('NOT_FOUND');
    expect((await t.call('requests.list', {}, li)).total).toBe(0);
    expect((await t.call('requests.list', { state: 'rejected' }, o.token)).total).toBe(1);
    // Only officers ask for themselves; the keeper files for parties and departments.
    expect(await codeOf(() => t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.clipA.id }], purpose: 'x', content: 'x', window: o.window }, o.token))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('requests.create', { kind: 'party_view', caseId: o.caseId, items: [{ kind: 'record', id: o.clipA.id }], purpose: 'x', content: 'x', window: o.window }, wang))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.clipA.id }], purpose: 'x', content: 'x', window: { from: o.window.to, to: o.window.from } }, wang))).toBe('VALIDATION_FAILED');
    const refused = (await t.call('audit.list', { action: 'request.refused', limit: 20 }, o.token)).events.map((e) => e.details.code);
    expect(refused).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'FORBIDDEN']));
  });

  it('takes a party’s application only for a party of the case, and a decision signed on paper with its scan', async () => {
    const o = await approvalsOffice(await open(), dir('rr-req-src-'));
    const { t } = o;
    const party = { name: '王某某', department: '', idType: '居民身份证', idNumber: '', relation: '本人', contact: '13800000000' };
    const ask = (name: string) => t.call('requests.create', { kind: 'party_view', caseId: o.caseId, requester: { ...party, name }, items: [{ kind: 'record', id: o.clipA.id }], purpose: '了解处罚依据', content: '查看执法现场录像', window: o.window }, o.token);
    expect(await codeOf(() => ask('李某'))).toBe('NOT_A_PARTY');
    const asked = await ask('王某某');
    expect(asked).toMatchObject({ kind: 'party_view', requester: { name: '王某某', relation: '本人', accountId: null } });
    const scan = path.join(dir('rr-req-scan-'), '审批表.jpg');
    make.jpeg(scan);
    const decidedAt = t.clock.now().toISOString();
    const storeFiles = () => execFileSync('find', [t.app.core.settings.storeDir(t.dir), '-type', 'f'], { encoding: 'utf8' });
    const before = storeFiles();
    // Refused entries are checked before the scan is kept: the store holds nothing new after them.
    expect(await codeOf(() => t.call('requests.recordPaperDecision', { id: asked.id, outcome: 'approved', decidedBy: o.sun.id, decidedAt, scanPath: scan }, o.token))).toBe('NOT_APPROVER');
    expect(await codeOf(() => t.call('requests.recordPaperDecision', { id: asked.id, outcome: 'approved', decidedBy: o.liu.id, decidedAt: '2020-01-01T00:00:00Z', scanPath: scan }, o.token))).toBe('VALIDATION_FAILED');
    expect(storeFiles()).toBe(before);
    expect(await codeOf(() => t.call('requests.recordPaperDecision', { id: asked.id, outcome: 'approved', decidedBy: o.liu.id, decidedAt, scanPath: path.join(scan, 'nope') }, o.token))).toBe('NOT_FOUND');
    const decided = await t.call('requests.recordPaperDecision', { id: asked.id, outcome: 'approved', decidedBy: o.liu.id, decidedAt, scanPath: scan }, o.token);
    const sha = createHash('sha256').update(fs.readFileSync(scan)).digest('hex');
    expect(decided).toMatchObject({ state: 'approved', decision: { by: '刘分管', source: 'paper', recordedBy: '王秀兰', paperScanSha256: sha } });
    expect(fs.existsSync(openStore(() => t.app.core.settings.storeDir(t.dir))().localPath(sha))).toBe(true);
    // The printed form carries the decision as recorded and the chain head it was made at.
    const form = await t.call('requests.form', { id: asked.id }, o.token);
    const text = execFileSync('pdftotext', ['-layout', form.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of [asked.number, '当事人查阅', '王某某', '刘分管', '纸质审批录入', sha, `第${decided.decision?.chainHead.seq}条`]) expect(text).toContain(words);
    // A party has no account: the grant reaches nobody's account (the keeper opens the viewing).
    expect((t.app.core.db.prepare('SELECT account_id FROM access_grants WHERE request_id = ?').all(asked.id) as { account_id: number | null }[]).map((g) => g.account_id)).toEqual([null]);
  });

  it('lets an administrator set which leader decides each kind', async () => {
    const o = await approvalsOffice(await open(), dir('rr-req-src-'));
    const { t } = o;
    expect((await t.call('requests.rules', {}, o.token)).find((r) => r.kind === 'party_view')).toEqual({ kind: 'party_view', approverRole: 'responsible_leader' });
    await t.call('requests.setRule', { kind: 'party_view', approverRole: 'principal_leader' }, o.token);
    const liu = await o.as('liu');
    expect(await codeOf(() => t.call('requests.setRule', { kind: 'party_view', approverRole: 'principal_leader' }, liu))).toBe('FORBIDDEN');
    const asked = await t.call('requests.create', { kind: 'party_view', caseId: o.caseId, requester: { name: '王某某', department: '', idType: '', idNumber: '', relation: '本人', contact: '' }, items: [{ kind: 'record', id: o.clipA.id }], purpose: 'x', content: 'x', window: o.window }, o.token);
    expect(asked.approverRole).toBe('principal_leader');
    expect(() => t.app.core.db.prepare("UPDATE access_requests SET purpose = 'y'").run()).toThrow(/final/);
    await t.call('requests.decide', { id: asked.id, outcome: 'rejected', reason: '不符合条件' }, await o.as('sun'));
    expect(() => t.app.core.db.prepare("UPDATE access_requests SET state = 'approved'").run()).toThrow(/final/);
  });
});
