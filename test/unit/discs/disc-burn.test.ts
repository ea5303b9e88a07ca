import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Burner } from '../../../electron/core/discs/burners/index.js';
import { appPerTest, codeOf, scratch } from '../../support/test-app.js';
import { builtDisc } from '../../support/discs.js';

const dir = scratch();
const { open } = appPerTest();
afterEach(() => {
  delete process.env.RECORDS_BURN_DRIVE;
});

function pseudoDrive(): string {
  const drive = `stdio:${path.join(dir('rr-burn-drive-'), 'disc.img')}`;
  process.env.RECORDS_BURN_DRIVE = drive;
  return drive;
}

describe('burning an evidence disc', () => {
  it('burns to a blank, reads every file back against the register, and only then counts the disc', async () => {
    const t = await open();
    const { token, disc } = await builtDisc(t, dir('rr-burn-src-'), dir('rr-burn-out-'));
    const drive = pseudoDrive();
    expect(await t.call('discs.drives', {}, token)).toEqual([{ id: drive, name: `pseudo-drive ${drive}`, medium: expect.objectContaining({ loaded: true, blank: true }), problem: null }]);
    const { jobId } = await t.call('discs.burn', { discId: disc.id, drive }, token);
    expect(await t.app.core.discs.wait(jobId)).toMatchObject({ kind: 'burn', state: 'finished', problem: null, discIds: [disc.id] });
    const burned = await t.call('discs.get', { id: disc.id }, token);
    expect(burned).toMatchObject({ state: 'burned', checks: [{ kind: 'burn', outcome: 'ok', filesOk: disc.fileCount, problems: [] }] });
    expect(await codeOf(() => t.call('discs.burn', { discId: disc.id, drive }, token))).toBe('DISC_ALREADY_BURNED');
    // The pseudo-drive now holds a written disc: a second image is refused before anything starts.
    const again = await t.app.core.discs.wait((await t.call('discs.build', { caseId: disc.caseId, medium: 'dvd', outDir: dir('rr-burn-out-'), replaces: { discId: disc.id, reason: '光盘遗失' } }, token)).jobId);
    const [copy] = again.discIds;
    expect(await t.call('discs.get', { id: copy ?? 0 }, token)).toMatchObject({ replaces: { id: disc.id, number: disc.number, reason: '光盘遗失' }, state: 'image' });
    expect(await codeOf(() => t.call('discs.burn', { discId: copy ?? 0, drive }, token))).toBe('DISC_NOT_BLANK');
    expect(await codeOf(() => t.call('discs.burn', { discId: copy ?? 0, drive: '/dev/sr9' }, token))).toBe('NO_DRIVE');
    expect((await t.call('audit.list', { action: 'disc.burned', limit: 5 }, token)).events).toHaveLength(1);
  });

  it('does not count a disc whose read-back differs, and says how many files', async () => {
    const t = await open();
    const { token, disc } = await builtDisc(t, dir('rr-burn-src-'), dir('rr-burn-out-'));
    const drive = pseudoDrive();
    // The optical drive is the one part that can't run here: this one writes a byte wrong.
    const service = t.app.core.discs as unknown as { burner: Burner };
    const real = service.burner;
    service.burner = {
      ...real,
      openForReading: async (d, scratchDir) => {
        const opened = await real.openForReading(d, scratchDir);
        const victim = path.join(opened.root, 'data', fs.readdirSync(path.join(opened.root, 'data'))[0] ?? '');
        fs.chmodSync(victim, 0o644);
        fs.appendFileSync(victim, 'x');
        return opened;
      },
    };
    const job = await t.app.core.discs.wait((await t.call('discs.burn', { discId: disc.id, drive }, token)).jobId);
    expect(job).toMatchObject({ state: 'failed', problem: { code: 'READBACK_MISMATCH', details: { count: 1 } } });
    expect(await t.call('discs.get', { id: disc.id }, token)).toMatchObject({ state: 'image', burnedAt: null, checks: [{ kind: 'burn', outcome: 'altered' }] });
    expect(fs.readdirSync(path.join(t.dir, 'disc-read'))).toEqual([]);
  });

  it('refuses an image changed since it was built, or gone, without touching the drive', async () => {
    const t = await open();
    const { token, disc } = await builtDisc(t, dir('rr-burn-src-'), dir('rr-burn-out-'));
    const drive = pseudoDrive();
    fs.chmodSync(disc.imagePath, 0o644);
    const fd = fs.openSync(disc.imagePath, 'r+');
    fs.writeSync(fd, Buffer.from('tampered'), 0, 8, Math.floor(disc.imageBytes / 2));
    fs.closeSync(fd);
    const job = await t.app.core.discs.wait((await t.call('discs.burn', { discId: disc.id, drive }, token)).jobId);
    expect(job).toMatchObject({ state: 'failed', problem: { code: 'IMAGE_DAMAGED' } });
    expect(fs.existsSync(drive.slice('stdio:'.length))).toBe(false);
    fs.rmSync(disc.imagePath);
    expect(await codeOf(() => t.call('discs.burn', { discId: disc.id, drive }, token))).toBe('IMAGE_MISSING');
  });
});
