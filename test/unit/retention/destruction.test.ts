import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCallContext } from '../../../electron/core/base/call-context.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { make } from '../../support/media.js';
import { KEEPER, WS, appPerTest, codeOf, scratch, type TestApp } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

/**
 * An office on 2026-11-24 with two recordings from 2022 (expired in 2025) and one from this
 * month; a responsible leader, a principal leader, an officer and a second witness.
 */
async function office(t: TestApp) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  const account = async (username: string, displayName: string, role: 'officer' | 'responsible_leader' | 'principal_leader' | 'keeper', officerNo?: string) =>
    (await t.call('accounts.create', { username, displayName, role, isAdmin: false, password: 'Person2026x', ...(officerNo ? { officerNo } : {}) }, token)).id;
  const ids = {
    officer: await account('li', '李建国', 'officer', '000123'),
    leader: await account('liu', '刘分管', 'responsible_leader'),
    principal: await account('sun', '孙主要', 'principal_leader'),
    witness: await account('zhao', '赵监销', 'officer', '000456'),
  };
  const src = dir('rr-destruction-src-');
  make.wav(path.join(src, 'T001_000123_20220301093000_0001.WAV'), 1);
  make.wav(path.join(src, 'T001_000123_20220601100000_0002.WAV'), 2);
  make.wav(path.join(src, 'T001_000123_20261120093000_0003.WAV'), 3);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  const records = (await t.call('records.list', { limit: 10 }, token)).records;
  const id = (seq: string) => records.find((r) => r.originalName.endsWith(`_${seq}.WAV`))?.id ?? 0;
  const leader = await t.login('liu', 'Person2026x');
  return { token, leader, ids, old: id('0001'), old2: id('0002'), recent: id('0003') };
}

const refusals = async (t: TestApp, token: string) => (await t.call('audit.list', { action: 'destruction.refused', limit: 50 }, token)).events.map((e) => e.details);

describe('destruction lists', () => {
  it('lets the keeper propose expired records with a reason, and the responsible leader approve it with a witness', async () => {
    const t = await open();
    const o = await office(t);
    const list = await t.call('destruction.propose', { recordIds: [o.old, o.old2], reason: '保管期限届满，经清理拟予销毁' }, o.token);
    expect(list).toMatchObject({ number: '2026-X0001', state: 'pending', proposedBy: '王秀兰', itemCount: 2, decision: null });
    expect(list.items.map((i) => [i.recordId, i.keptThrough, i.officer])).toEqual([
      [o.old, '2025-03-01', '李建国'],
      [o.old2, '2025-06-01', '李建国'],
    ]);
    expect(list.items[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(list.items[0]?.rule).toMatchObject({ code: 'standard_years', years: 3, from: '2022-03-01' });

    const approved = await t.call('destruction.decide', { id: list.id, outcome: 'approved', reason: '同意销毁', witnessId: o.ids.witness }, o.leader);
    expect(approved).toMatchObject({ state: 'approved', decision: { outcome: 'approved', by: '刘分管', source: 'app', witness: '赵监销', reason: '同意销毁', recordedBy: null } });
    expect(approved.decision?.chainHead.seq).toBeGreaterThan(0);
    expect(await t.call('destruction.get', { number: '2026-x0001' }, o.token)).toMatchObject({ id: list.id, state: 'approved' });
    expect(await t.call('destruction.list', { state: 'approved' }, o.token)).toMatchObject({ total: 1, lists: [{ number: '2026-X0001', itemCount: 2 }] });

    const proposed = (await t.call('audit.list', { action: 'destruction.proposed', limit: 5 }, o.token)).events[0];
    expect(proposed).toMatchObject({ target: `destruction:${list.id}`, details: { number: '2026-X0001', recordIds: [o.old, o.old2], reason: '保管期限届满，经清理拟予销毁' } });
    expect(proposed?.names[`destruction:${list.id}`]).toBe('2026-X0001');
    const decided = (await t.call('audit.list', { action: 'destruction.approved', limit: 5 }, o.token)).events[0];
    expect(decided).toMatchObject({ actorName: '刘分管', details: { decidedBy: o.ids.leader, witnessId: o.ids.witness, source: 'app' } });
    // On an approved list, a record can't go on another.
    expect(await codeOf(() => t.call('destruction.propose', { recordIds: [o.old], reason: '再次' }, o.token))).toBe('ON_DESTRUCTION_LIST');
    // What a list already carries is no longer in the review.
    expect((await t.call('retention.review', {}, o.token)).items.map((i) => i.recordId)).not.toContain(o.old);
  });

  it('refuses, by name and why, a record inside its period, a held one, and one on a live list, and audits each refusal', async () => {
    const t = await open();
    const o = await office(t);
    const call = (recordIds: number[]) => t.call('destruction.propose', { recordIds, reason: '期满销毁' }, o.token);
    let error = await call([o.old, o.recent]).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'NOT_EXPIRED', details: { id: o.recent, name: 'T001_000123_20261120093000_0003.WAV', keptThrough: '2029-11-20' } });
    await t.call('retention.hold', { recordId: o.old2, kind: 'litigation', reason: '行政诉讼中' }, o.token);
    error = await call([o.old2]).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'RECORD_HELD', details: { id: o.old2, holds: 'manual' } });
    const first = await call([o.old]);
    error = await call([o.old]).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'ON_DESTRUCTION_LIST', details: { id: o.old, number: first.number } });
    expect(await codeOf(() => call([999]))).toBe('NOT_FOUND');
    // Nothing half-made: only the one list exists.
    expect((await t.call('destruction.list', {}, o.token)).total).toBe(1);
    expect((await refusals(t, o.token)).map((d) => [d.step, d.code])).toEqual([
      ['propose', 'NOT_FOUND'],
      ['propose', 'ON_DESTRUCTION_LIST'],
      ['propose', 'RECORD_HELD'],
      ['propose', 'NOT_EXPIRED'],
    ]);
    // Only the keeper proposes; only the responsible leader decides.
    const officer = await t.login('li', 'Person2026x');
    expect(await codeOf(() => t.call('destruction.propose', { recordIds: [o.old2], reason: '期满' }, officer))).toBe('FORBIDDEN');
    const principal = await t.login('sun', 'Person2026x');
    expect(await codeOf(() => t.call('destruction.decide', { id: first.id, outcome: 'approved' }, principal))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('destruction.decide', { id: first.id, outcome: 'approved' }, o.token))).toBe('FORBIDDEN');
  });

  it('re-checks at approval: a hold that began since the proposal blocks it; a rejection says why, is final, and frees the records', async () => {
    const t = await open();
    const o = await office(t);
    const list = await t.call('destruction.propose', { recordIds: [o.old, o.old2], reason: '期满销毁' }, o.token);
    const hold = await t.call('retention.hold', { recordId: o.old2, kind: 'complaint', reason: '当事人投诉' }, o.token);
    const error = await t.call('destruction.decide', { id: list.id, outcome: 'approved' }, o.leader).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'RECORD_HELD', details: { id: o.old2, holds: 'manual' } });
    expect((await t.call('destruction.get', { id: list.id }, o.token)).state).toBe('pending');
    await t.call('retention.lift', { holdId: hold.holds[0]?.id ?? 0, reason: '投诉已处理' }, o.token);

    expect(await codeOf(() => t.call('destruction.decide', { id: list.id, outcome: 'rejected' }, o.leader))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('destruction.decide', { id: list.id, outcome: 'approved', witnessId: o.ids.leader }, o.leader))).toBe('VALIDATION_FAILED');
    const rejected = await t.call('destruction.decide', { id: list.id, outcome: 'rejected', reason: '需再核对' }, o.leader);
    expect(rejected).toMatchObject({ state: 'rejected', decision: { outcome: 'rejected', reason: '需再核对' } });
    expect(await codeOf(() => t.call('destruction.decide', { id: list.id, outcome: 'approved' }, o.leader))).toBe('ALREADY_DECIDED');
    expect((await refusals(t, o.token)).map((d) => [d.step, d.code])).toEqual([
      ['decide', 'ALREADY_DECIDED'],
      ['decide', 'VALIDATION_FAILED'],
      ['decide', 'VALIDATION_FAILED'],
      ['decide', 'RECORD_HELD'],
    ]);
    // A rejected list lets its records go on a new one.
    expect((await t.call('destruction.propose', { recordIds: [o.old], reason: '核对后再次提出' }, o.token)).number).toBe('2026-X0002');
  });

  it('never lets the person who proposed a list approve it', async () => {
    const t = await open();
    const o = await office(t);
    // Only a keeper can propose through the contract; the service's own rule still stands behind that.
    const me = await t.call('auth.me', {}, o.leader);
    const list = t.app.core.destruction.propose(makeCallContext(WS, me, o.leader), [o.old], '期满销毁');
    const error = await t.call('destruction.decide', { id: list.id, outcome: 'approved' }, o.leader).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'OWN_LIST', details: { number: list.number } });
    expect(() => t.app.core.db.prepare("UPDATE destruction_lists SET state = 'approved', decided_at = 'x', decided_by = proposed_by, decision_source = 'app', head_seq = 1 WHERE id = ?").run(list.id)).toThrow(/CHECK/);
  });

  it('records a decision signed on paper by the responsible leader, with its scan kept write-once', async () => {
    const t = await open();
    const o = await office(t);
    const list = await t.call('destruction.propose', { recordIds: [o.old], reason: '期满销毁' }, o.token);
    const scan = path.join(dir('rr-destruction-scan-'), 'signed.jpg');
    make.jpeg(scan);
    const paper = { id: list.id, outcome: 'approved' as const, decidedAt: t.clock.now().toISOString(), scanPath: scan, witnessId: o.ids.witness };
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.principal }, o.token))).toBe('NOT_RESPONSIBLE_LEADER');
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.leader, decidedAt: '2020-01-01T00:00:00Z' }, o.token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.leader, scanPath: `${scan}.missing` }, o.token))).toBe('NOT_FOUND');
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.leader }, o.leader))).toBe('FORBIDDEN');
    const decided = await t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.leader }, o.token);
    const sha = createHash('sha256').update(fs.readFileSync(scan)).digest('hex');
    expect(decided).toMatchObject({ state: 'approved', decision: { by: '刘分管', source: 'paper', recordedBy: '王秀兰', paperScanSha256: sha, witness: '赵监销' } });
    expect(fs.existsSync(openStore(() => t.app.core.settings.storeDir(t.dir))().localPath(sha))).toBe(true);
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', { ...paper, decidedBy: o.ids.leader }, o.token))).toBe('ALREADY_DECIDED');
    const approved = (await t.call('audit.list', { action: 'destruction.approved', limit: 5 }, o.token)).events[0];
    expect(approved).toMatchObject({ actorName: '王秀兰', details: { decidedBy: o.ids.leader, source: 'paper', scanSha256: sha } });
    expect((await refusals(t, o.token)).map((d) => d.code)).toEqual(['ALREADY_DECIDED', 'NOT_FOUND', 'VALIDATION_FAILED', 'NOT_RESPONSIBLE_LEADER']);
  });

  it('requires a witness when the office says so, in the app and on paper, without keeping a refused scan', async () => {
    const t = await open();
    const o = await office(t);
    await t.call('retention.setPolicy', { standardYears: 3, evidenceYears: 30, witnessRequired: true }, o.token);
    // Only the witness switch changed: no record's term was recomputed.
    expect((await t.call('audit.list', { action: 'retention.changed', limit: 5 }, o.token)).events).toEqual([]);
    const list = await t.call('destruction.propose', { recordIds: [o.old], reason: '期满销毁' }, o.token);
    const error = await t.call('destruction.decide', { id: list.id, outcome: 'approved' }, o.leader).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(error).toMatchObject({ code: 'WITNESS_REQUIRED', details: { number: list.number } });
    const scan = path.join(dir('rr-destruction-witness-'), 'signed.jpg');
    make.jpeg(scan);
    const storeDir = t.app.core.settings.storeDir(t.dir);
    const objects = () => execFileSync('find', [storeDir, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    const before = objects();
    const paper = { id: list.id, outcome: 'approved' as const, decidedBy: o.ids.leader, decidedAt: t.clock.now().toISOString(), scanPath: scan };
    expect(await codeOf(() => t.call('destruction.recordPaperDecision', paper, o.token))).toBe('WITNESS_REQUIRED');
    expect(objects()).toBe(before);
    expect((await t.call('destruction.get', { id: list.id }, o.token)).state).toBe('pending');
    // A rejection needs no witness: nothing will be destroyed.
    expect((await t.call('destruction.decide', { id: list.id, outcome: 'rejected', reason: '再核对' }, o.leader)).state).toBe('rejected');
    const again = await t.call('destruction.propose', { recordIds: [o.old], reason: '核对后再次提出' }, o.token);
    expect((await t.call('destruction.decide', { id: again.id, outcome: 'approved', witnessId: o.ids.witness }, o.leader)).decision).toMatchObject({ witness: '赵监销' });
    expect((await refusals(t, o.token)).map((d) => d.code)).toEqual(['WITNESS_REQUIRED', 'WITNESS_REQUIRED']);
  });

  it('prints the list for the paper file: number, every item with its hash, approver, witness, signature spaces and the chain head', async () => {
    const t = await open();
    const o = await office(t);
    const list = await t.call('destruction.propose', { recordIds: [o.old, o.old2], reason: '保管期限届满，经清理拟予销毁' }, o.token);
    const pending = await t.call('destruction.form', { id: list.id }, o.token);
    expect(execFileSync('pdftotext', ['-layout', pending.path, '-'], { encoding: 'utf8' })).toMatch(/待审批[\s\S]*分管领导意见[\s\S]*打印时/);
    const approved = await t.call('destruction.decide', { id: list.id, outcome: 'approved', reason: '同意销毁', witnessId: o.ids.witness }, o.leader);
    const form = await t.call('destruction.form', { id: list.id }, o.token);
    // In content order (-raw), so a file name or hash wrapped in its cell reads as one string.
    const text = execFileSync('pdftotext', ['-raw', form.path, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('执法音像资料销毁清单');
    expect(flat).toContain('2026-X0001');
    for (const item of approved.items) {
      expect(flat).toContain(item.name);
      expect(flat).toContain(item.sha256);
    }
    for (const words of ['李建国', '2022-03-0109:30', '刘分管（分管领导）', '赵监销', '同意销毁', '审批人', '监销人', '经办人', '签名：', approved.decision?.chainHead.hash ?? 'x']) expect(flat).toContain(words);
    const png = path.join(dir('rr-destruction-png-'), 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', form.path, png]);
    const rendered = fs.readdirSync(path.dirname(png)).find((f) => f.endsWith('.png'));
    expect(rendered).toBeDefined();
    if (process.env.RR_KEEP_PNG) fs.copyFileSync(path.join(path.dirname(png), rendered ?? ''), process.env.RR_KEEP_PNG);
  });
});

describe('migration 0022 destruction', () => {
  it('never deletes a list or an item, decides a list once, and keeps a record on one live list', async () => {
    const t = await open();
    const o = await office(t);
    const { db } = t.app.core;
    const list = await t.call('destruction.propose', { recordIds: [o.old], reason: '期满销毁' }, o.token);
    expect(() => db.prepare('DELETE FROM destruction_lists WHERE id = ?').run(list.id)).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM destruction_items WHERE list_id = ?').run(list.id)).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE destruction_items SET sha256 = ? WHERE list_id = ?").run('0'.repeat(64), list.id)).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE destruction_lists SET reason = 'changed' WHERE id = ?").run(list.id)).toThrow(/decided once/);
    const other = Number(db.prepare("INSERT INTO destruction_lists (number, reason, proposed_at, proposed_by, state) VALUES ('2026-X0099', 'x', 'now', 1, 'pending')").run().lastInsertRowid);
    const item = db.prepare("INSERT INTO destruction_items (list_id, record_id, name, sha256, size, kept_through, rule) VALUES (?, ?, 'n', ?, 1, '2025-03-01', '{}')");
    expect(() => item.run(other, o.old, 'a'.repeat(64))).toThrow(/UNIQUE/);
    await t.call('destruction.decide', { id: list.id, outcome: 'rejected', reason: '不同意' }, o.leader);
    expect(() => db.prepare("UPDATE destruction_lists SET state = 'approved' WHERE id = ?").run(list.id)).toThrow(/decided once/);
    expect(() => item.run(list.id, o.old2, 'b'.repeat(64))).toThrow(/not yet decided/);
    // The rejection let the record go: another list may take it.
    expect(() => item.run(other, o.old, 'a'.repeat(64))).not.toThrow();
  });
});
