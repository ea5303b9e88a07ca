import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BagPayload } from '../../../electron/core/discs/bag.js';
import { writeBag } from '../../support/bag.js';
import { burnerFor, preflight } from '../../../electron/core/discs/burners/index.js';
import { parseXorrisoDevices, parseXorrisoMedium } from '../../../electron/core/discs/burners/linux.js';
import { buildImage, volumeLabel } from '../../../electron/core/discs/xorriso.js';
import { make } from '../../support/media.js';
import { codeOf, scratch } from '../../support/test-app.js';

// No optical drive here: xorriso burns to a regular file named as stdio:FILE with the very
// commands a real drive gets, and RECORDS_BURN_DRIVE makes that file the burner's drive.
const dir = scratch();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
afterEach(() => {
  delete process.env.RECORDS_XORRISO;
  delete process.env.RECORDS_BURN_DRIVE;
});

/** A bag of the given originals and its image; `big` adds a clip of that many bytes. */
async function imageOf(names: string[], big = 0): Promise<{ iso: string; bag: string }> {
  const src = dir('rr-burn-src-');
  const payload: BagPayload[] = names.map((name, i) => {
    const file = path.join(src, name);
    if (name.endsWith('.jpg')) make.jpeg(file);
    else if (big) make.random(file, big);
    else make.h264(file, 1);
    return { recordId: i + 1, source: file, name, sha256: sha256(file) };
  });
  const bag = dir('rr-burn-bag-');
  await writeBag(bag, payload, { office: '峡口镇综合行政执法办公室', unitCode: 'XK-01', caseNo: '峡综执罚〔2026〕7号', cause: '占道经营', parties: '李某某', filedOn: null, disc: { index: 1, count: 1 }, baggingDate: '2026-12-02' });
  const iso = path.join(dir('rr-burn-iso-'), 'disc.iso');
  await buildImage(bag, [], iso, volumeLabel('峡综执罚〔2026〕7号', 1, 1));
  return { iso, bag };
}

function pseudoDrive(): { drive: string; file: string } {
  const file = path.join(dir('rr-burn-drive-'), 'disc.img');
  process.env.RECORDS_BURN_DRIVE = `stdio:${file}`;
  return { drive: `stdio:${file}`, file };
}

/** The bag's manifest checked against the files as read back: the lines that differ. */
function readBack(root: string): { checked: number; differ: string[] } {
  const lines = fs.readFileSync(path.join(root, 'manifest-sha256.txt'), 'utf8').trim().split('\n');
  const differ = lines.filter((line) => {
    const [hash, name] = [line.slice(0, 64), line.slice(66)];
    return sha256(path.join(root, ...name.split('/'))) !== hash;
  });
  return { checked: lines.length, differ };
}

describe('burning on Linux with xorriso', () => {
  it('burns an image to a blank disc, reads every file back from it, and refuses to burn it again', async () => {
    const { iso } = await imageOf(['T001_000123_20261120093000_0001.MP4', '集贸市场东门 现场.jpg']);
    const { drive, file } = pseudoDrive();
    const burner = burnerFor('linux');
    expect(burner.platform).toBe('linux');
    expect(await burner.drives()).toContainEqual({ id: drive, name: `pseudo-drive ${drive}` });

    // What xorriso says of a stdio: file that does not exist yet: blank, the free space of its file system.
    const blank = await preflight(burner, drive, fs.statSync(iso).size);
    expect(blank).toMatchObject({ loaded: true, blank: true, kind: 'stdio file' });
    expect(blank.capacityBytes).toBeGreaterThan(fs.statSync(iso).size);

    const seen: number[] = [];
    await burner.burn(iso, drive, (p) => seen.push(p));
    expect(seen.at(-1)).toBe(100);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(fs.statSync(iso).size);

    const scratchDir = dir('rr-burn-scratch-');
    const disc = await burner.openForReading(drive, scratchDir);
    expect(fs.readdirSync(path.join(disc.root, 'data')).sort()).toEqual(['T001_000123_20261120093000_0001.MP4', '集贸市场东门 现场.jpg']);
    expect(readBack(disc.root)).toEqual({ checked: 2, differ: [] });
    await disc.release();
    expect(fs.readdirSync(scratchDir)).toEqual([]);

    // Now xorriso finds an ISO session on it ("is written , is appendable"): not blank, and the
    // burner refuses before its cdrecord emulation (which takes overwriteable media for blank) could write.
    expect(await burner.medium(drive)).toMatchObject({ loaded: true, blank: false, kind: 'stdio file' });
    expect(await codeOf(() => preflight(burner, drive, 1))).toBe('DISC_NOT_BLANK');
    const before = sha256(file);
    expect(await codeOf(() => burner.burn(iso, drive, () => undefined))).toBe('DISC_NOT_BLANK');
    expect(sha256(file)).toBe(before);
    await burner.eject(drive); // no tray on a file: nothing happens
  });

  it('reads back the bytes the disc holds: a flipped byte in a clip fails that clip alone', async () => {
    const { iso, bag } = await imageOf(['a.mp4', 'b.jpg']);
    const { drive, file } = pseudoDrive();
    const burner = burnerFor('linux');
    await burner.burn(iso, drive, () => undefined);

    const burned = fs.readFileSync(file);
    const clip = fs.readFileSync(path.join(bag, 'data', 'a.mp4'));
    const marker = clip.subarray(clip.length >> 1, (clip.length >> 1) + 256);
    const at = burned.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    burned[at] = (burned[at] ?? 0) ^ 0xff;
    fs.writeFileSync(file, burned);

    const disc = await burner.openForReading(drive, dir('rr-burn-scratch-'));
    expect(readBack(disc.root).differ).toEqual([expect.stringMatching(/ {2}data\/a\.mp4$/)]);
    await disc.release();
  });

  it('says which thing is wrong: no drive, no disc image, too small a disc, no xorriso, a cancel', async () => {
    const { iso } = await imageOf(['clip.mp4'], 64 << 20);
    const burner = burnerFor('linux');
    expect(await codeOf(() => burner.medium('stdio:/tmp/not-the-configured-drive.img'))).toBe('NO_DRIVE');
    expect(await codeOf(() => burner.medium('/dev/sr9'))).toBe('NO_DRIVE');
    const { drive, file } = pseudoDrive();
    expect(await codeOf(() => burner.burn(path.join(path.dirname(iso), 'gone.iso'), drive, () => undefined))).toBe('NOT_FOUND');

    const free = (await burner.medium(drive)).capacityBytes ?? 0;
    const tooBig = await preflight(burner, drive, free + 2048).catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ code: 'DISC_TOO_SMALL', details: { needed: free + 2048, free } });

    process.env.RECORDS_XORRISO = '/nonexistent';
    for (const call of [() => burner.drives(), () => burner.medium(drive), () => burner.burn(iso, drive, () => undefined)]) {
      expect(await call().catch((e: unknown) => e)).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'xorriso', reason: 'missing' } });
    }
    delete process.env.RECORDS_XORRISO;

    // Cancelled at its first progress line ("0 of 64 MB written"), while xorriso is writing.
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = burner.burn(iso, drive, (p) => {
      seen.push(p);
      controller.abort();
    }, controller.signal);
    expect(await codeOf(() => cancelled)).toBe('CANCELLED');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBeLessThan(100);
    expect(fs.statSync(file).size).toBeLessThan(fs.statSync(iso).size);
  });

  it("parses what xorriso prints for real drives, as its -devices and -toc lay it out", () => {
    // Xorriso_show_devices() and Xorriso_toc() in xorriso 1.5.4 (there is no drive here to ask).
    expect(parseXorrisoDevices("0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'BD-RE  BH16NS55' \n1  -dev '/dev/sr1' rwrw-- :  'ASUS    ' 'SDRW-08U9M-U' \n")).toEqual([
      { id: '/dev/sr0', name: 'HL-DT-ST BD-RE  BH16NS55' },
      { id: '/dev/sr1', name: 'ASUS SDRW-08U9M-U' },
    ]);
    expect(parseXorrisoDevices('')).toEqual([]);

    const head = "Drive current: -outdev '/dev/sr0'\nDrive access : exclusive:unrestricted\nDrive type   : vendor 'HL-DT-ST' product 'BD-RE  BH16NS55' revision '1.05'\n";
    expect(parseXorrisoMedium(`${head}Media current: is not recognizable\nMedia status : is not present\nMedia space  : 0s\nAfter commit : 0s\n`)).toEqual({ loaded: false, blank: false, kind: null, capacityBytes: null });
    expect(
      parseXorrisoMedium(
        `${head}Media current: BD-R sequential recording\nMedia product: CMCMAG/BA5/0 , CMC Magnetics Corporation\nMedia status : is blank\nMedia blocks : 0 readable , 12219392 writable , 12219392 overall\nMedia summary: 0 sessions, 0 data blocks, 0 data, 23.3g free\nMedia space  : 12219392s\nAfter commit : 12219392s\n`,
      ),
    ).toEqual({ loaded: true, blank: true, kind: 'BD-R', capacityBytes: 12219392 * 2048 });
    expect(
      parseXorrisoMedium(
        `${head}Media current: DVD-R sequential recording\nMedia status : is written , is closed\nMedia blocks : 2298496 readable , 0 writable , 2298496 overall\nTOC layout   : Idx ,  sbsector ,       Size , Volume Id\nISO session  :   1 ,         0 ,   2298480s , RR_2026_7_D1OF1\nMedia summary: 1 session, 2298496 data blocks, 4489m data, 0 free\n`,
      ),
    ).toEqual({ loaded: true, blank: false, kind: 'DVD-R', capacityBytes: 0 });
    expect(parseXorrisoMedium(`${head}Media current: DVD+R\nMedia status : is blank\nMedia blocks : 0 readable , 2295104 writable , 2295104 overall\n`)).toMatchObject({ kind: 'DVD+R', capacityBytes: 2295104 * 2048 });
  });
});
