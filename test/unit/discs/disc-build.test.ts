import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractImage } from '../../../electron/core/discs/xorriso.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import { FACTS, caseWithEvidence } from '../../support/discs.js';
import { sha256OfFile } from '../../support/hashes.js';
import { appPerTest, codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();
/** The case of support/discs.ts, its photo attributed so nothing is blocked. */
async function readyCase() {
  const t = await open();
  const made = await caseWithEvidence(t, dir('rr-disc-src-'));
  for (const r of made.records.filter((x) => !x.officer)) await t.call('records.assignOfficer', { recordId: r.id, officerId: made.li.id }, made.token);
  return { t, ...made };
}

describe('building evidence discs', () => {
  it('plans, builds a disc anyone can check with sha256sum -c, and registers it only when it is whole', async () => {
    const { t, token, caseId, records } = await readyCase();
    const plan = await t.call('discs.plan', { caseId, medium: 'dvd' }, token);
    expect(plan.blocked).toEqual([]);
    expect(plan.discs).toHaveLength(1);
    expect(plan.discs[0]?.volumeLabel).toBe('RR_2026_12_D1OF1');
    expect(plan.discs[0]?.records.map((r) => r.name)).toHaveLength(records.length);

    const out = dir('rr-disc-out-');
    const { jobId } = await t.call('discs.build', { caseId, medium: 'dvd', outDir: out }, token);
    const job = await t.app.core.discs.wait(jobId);
    expect(job).toMatchObject({ state: 'finished', problem: null });
    const [disc] = await t.call('discs.list', { caseId }, token);
    expect(disc).toMatchObject({ number: '2026-G0001', index: 1, count: 1, medium: 'dvd', state: 'image', imagePresent: true, fileCount: records.length });
    expect(fs.readdirSync(out)).toEqual([path.basename(disc?.imagePath ?? '')]);

    const x = dir('rr-disc-x-');
    await extractImage(disc?.imagePath ?? '', x);
    expect(spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: x, encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: x, encoding: 'utf8' }).status).toBe(0);
    expect(sha256OfFile(path.join(x, 'tagmanifest-sha256.txt'))).toBe(disc?.tagmanifestSha256);
    expect(fs.readdirSync(x).sort()).toEqual(['README.txt', 'bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'manifest-sm3.txt', 'tagmanifest-sha256.txt', 'verify.html', '审计摘录.txt', '文字说明.pdf', '文字说明.txt'].sort());
    expect(fs.readdirSync(path.join(x, 'data')).sort()).toEqual(records.map((r) => r.originalName).sort());
    const info = fs.readFileSync(path.join(x, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Case-Number: 峡综执罚〔2026〕12号\n');
    expect(info).toContain('Bag-Count: 1 of 1\n');
    expect(info).toContain('Filing-Date: 2026-11-20\n');
    const description = execFileSync('pdftotext', ['-layout', path.join(x, '文字说明.pdf'), '-'], { encoding: 'utf8' });
    for (const text of ['峡综执罚〔2026〕12号', '峡口镇集贸市场东门', '李建国', 'T001_000123_20261120093000_0001.MP4', disc?.tagmanifestSha256 ?? '-']) expect(description.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
    const extract = fs.readFileSync(path.join(x, '审计摘录.txt'), 'utf8');
    expect(extract).toContain('record.imported');
    expect(extract).toContain('case.linked');
    const audit = await t.call('audit.list', { action: 'disc.built', limit: 5 }, token);
    expect(audit.events[0]).toMatchObject({ target: `disc:${disc?.id}` });
  });

  it('checks a disc years later against the register, naming an altered file or an unknown disc', async () => {
    const { t, token, caseId } = await readyCase();
    const out = dir('rr-disc-out-');
    await t.app.core.discs.wait((await t.call('discs.build', { caseId, medium: 'dvd', outDir: out }, token)).jobId);
    const [disc] = await t.call('discs.list', {}, token);
    const iso = disc?.imagePath ?? '';
    expect(await t.call('discs.check', { path: iso }, token)).toMatchObject({ verdict: 'ok', disc: { id: disc?.id, lastCheck: { outcome: 'ok' } }, problems: [] });
    expect(fs.readdirSync(path.join(t.dir, 'disc-read'))).toEqual([]);

    const x = dir('rr-disc-x-');
    await extractImage(iso, x);
    const victim = path.join(x, 'data', 'T001_000123_20261120093500_0002.MP4');
    fs.chmodSync(victim, 0o644);
    fs.appendFileSync(victim, 'x');
    fs.writeFileSync(path.join(x, 'data', 'added.txt'), 'not from the archive');
    // The disc's own manifest re-made to match: the register still knows better.
    fs.chmodSync(path.join(x, 'manifest-sha256.txt'), 0o644);
    execFileSync('sh', ['-c', 'sha256sum data/* > manifest-sha256.txt'], { cwd: x });
    const altered = await t.call('discs.check', { path: x }, token);
    expect(altered.verdict).toBe('altered');
    expect(altered.problems).toEqual(expect.arrayContaining([{ path: 'data/T001_000123_20261120093500_0002.MP4', problem: 'mismatch' }, { path: 'data/added.txt', problem: 'extra' }, { path: 'manifest-sha256.txt', problem: 'mismatch' }]));
    expect((await t.call('discs.get', { id: disc?.id ?? 0 }, token)).checks.map((c) => c.outcome)).toEqual(['altered', 'ok']);

    fs.rmSync(path.join(x, 'bag-info.txt'), { force: true });
    fs.chmodSync(path.join(x, 'tagmanifest-sha256.txt'), 0o644);
    fs.appendFileSync(path.join(x, 'tagmanifest-sha256.txt'), '\n');
    expect(await t.call('discs.check', { path: x }, token)).toMatchObject({ verdict: 'unknown', disc: null });
    expect(await codeOf(() => t.call('discs.check', { path: path.join(x, 'nothing-here') }, token))).toBe('NOT_FOUND');
    expect((await t.call('audit.list', { action: 'disc.checked', limit: 10 }, token)).events.map((e) => e.details.verdict)).toEqual(['unknown', 'altered', 'ok']);
  });

  it('keeps blocked evidence off a disc until it is put right, and says why', async () => {
    const t = await open();
    const { token, caseId, records, li } = await caseWithEvidence(t, dir('rr-disc-src-'));
    const photo = records.find((r) => r.originalName.endsWith('.jpg'));
    expect(photo?.officer).toBeNull();
    // Facts written before the schema required them all (an older version): the trigger that
    // keeps links unchanged is lifted for this one edit.
    t.app.core.db.exec('DROP TRIGGER record_links_unlink_only');
    const clip = records.find((r) => r.mediaType === 'video');
    t.app.core.db.prepare("UPDATE record_links SET facts = json_remove(facts, '$.place') WHERE record_id = ?").run(clip?.id);
    const plan = await t.call('discs.plan', { caseId, medium: 'cd' }, token);
    expect(plan.blocked.map((b) => [b.recordId, b.reasons, b.missing]).sort()).toEqual(
      [
        [clip?.id, ['facts_incomplete'], ['place']],
        [photo?.id, ['no_officer'], []],
      ].sort(),
    );
    expect(await codeOf(() => t.call('discs.build', { caseId, medium: 'cd', outDir: dir('rr-disc-out-') }, token))).toBe('DISC_PLAN_BLOCKED');
    expect(t.app.core.discs.list()).toEqual([]);
    // Put right in place: the facts completed on the link, the officer assigned.
    await t.call('cases.link', { caseId, recordIds: [clip?.id ?? 0], role: 'evidence', facts: FACTS }, token);
    await t.call('records.assignOfficer', { recordId: photo?.id ?? 0, officerId: li.id }, token);
    expect((await t.call('discs.plan', { caseId, medium: 'cd' }, token)).blocked).toEqual([]);
    expect(await codeOf(() => t.call('discs.plan', { caseId, medium: 'cd', recordIds: [999] }, token))).toBe('VALIDATION_FAILED');
    // An integrity alarm keeps a record off until it is resolved.
    t.app.core.db.prepare("INSERT INTO integrity_alarms (kind, object, record_id, raised_at, detail) VALUES ('mismatch', ?, ?, ?, '{}')").run(clip?.sha256, clip?.id, new Date().toISOString());
    expect((await t.call('discs.plan', { caseId, medium: 'cd' }, token)).blocked).toMatchObject([{ recordId: clip?.id, reasons: ['integrity_alarm'] }]);
    const c = await t.call('cases.get', { id: caseId }, token);
    const bare = await t.call('cases.create', { fields: { caseNo: '峡综执罚〔2026〕13号', kind: c.kind, cause: c.cause, parties: c.parties, handlerIds: c.handlerIds, filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } }, token);
    expect(await codeOf(() => t.call('discs.plan', { caseId: bare.id, medium: 'cd' }, token))).toBe('CASE_NO_EVIDENCE');
  });

  it('refuses an original changed in the store and a cancelled build, leaving nothing behind', async () => {
    const { t, token, caseId, records } = await readyCase();
    const out = dir('rr-disc-out-');
    const victim = records.find((r) => r.mediaType === 'video');
    const target = openStore(() => t.app.core.settings.storeDir(t.dir))().localPath(victim?.sha256 ?? '');
    fs.chmodSync(target, 0o644);
    const bytes = fs.readFileSync(target);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    fs.writeFileSync(target, bytes);
    const failed = await t.app.core.discs.wait((await t.call('discs.build', { caseId, medium: 'dvd', outDir: out }, token)).jobId);
    expect(failed).toMatchObject({ state: 'failed', problem: { code: 'ORIGINAL_CHANGED', details: { id: victim?.id } } });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(t.app.core.discs.list()).toEqual([]);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    fs.writeFileSync(target, bytes);

    const other = records.find((r) => r.mediaType === 'audio');
    const moved = `${openStore(() => t.app.core.settings.storeDir(t.dir))().localPath(other?.sha256 ?? '')}`;
    fs.renameSync(moved, `${moved}.away`);
    const missing = await t.app.core.discs.wait((await t.call('discs.build', { caseId, medium: 'dvd', outDir: out }, token)).jobId);
    expect(missing).toMatchObject({ state: 'failed', problem: { code: 'ORIGINAL_MISSING', details: { id: other?.id } } });
    expect(fs.readdirSync(out)).toEqual([]);
    fs.renameSync(`${moved}.away`, moved);

    const { jobId } = await t.call('discs.build', { caseId, medium: 'dvd', outDir: out }, token);
    await t.call('discs.cancel', { jobId }, token);
    expect(await t.app.core.discs.wait(jobId)).toMatchObject({ state: 'cancelled' });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(t.app.core.discs.list()).toEqual([]);
  });

  it('clears what a build killed midway left, and registers nothing of it', async () => {
    const { t, token, caseId } = await readyCase();
    const out = dir('rr-disc-out-');
    const dead = spawnSync('true').pid;
    const jobId = Number(
      t.app.core.db
        .prepare("INSERT INTO disc_jobs (kind, case_id, request, started_at, workstation, host, pid, state) VALUES ('build', ?, ?, ?, 'ws', ?, ?, 'running')")
        .run(caseId, JSON.stringify({ caseId, medium: 'dvd', outDir: out }), new Date().toISOString(), (await import('node:os')).hostname(), dead).lastInsertRowid,
    );
    fs.mkdirSync(path.join(out, `.rr-disc-${jobId}-1`));
    fs.writeFileSync(path.join(out, `RR_2026_12_D1OF1-j${jobId}.iso.part`), 'half');
    fs.writeFileSync(path.join(out, 'keep-me.txt'), 'not ours');
    t.app.core.discs.recover();
    expect(fs.readdirSync(out)).toEqual(['keep-me.txt']);
    expect(await t.call('discs.job', { jobId }, token)).toMatchObject({ state: 'interrupted', discIds: [] });
  });
});
