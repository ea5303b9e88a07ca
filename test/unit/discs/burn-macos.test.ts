import { describe, expect, it } from 'vitest';
import { burnerFor, preflight } from '../../../electron/core/discs/burners/index.js';
import { macBurner, mountPointOf, parseDrutilList, parseDrutilStatus, parseHdiutilDevices } from '../../../electron/core/discs/burners/macos.js';
import type { Run, RunOptions } from '../../../electron/core/discs/run-tool.js';
import { codeOf } from '../../support/test-app.js';

// drutil and hdiutil can't run here: these tests check exactly what would be run and parse
// outputs laid out as those tools print them.

const LIST = `   Vendor   Product           Rev   Bus       SupportLevel
1  MATSHITA DVD-R   UJ-8A8    HA13  SATA      Apple Shipping
2  HL-DT-ST DVDRW  GX50N      RP09  USB       Unsupported
`;

const HEAD = ` Vendor   Product           Rev
 HL-DT-ST DVDRW  GX50N      RP09

`;

const BLANK_DVD = `${HEAD}           Type: DVD+R                Name: /dev/disk4
       Sessions: 0                  Tracks: 0
   Overwritable:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB
     Space Free:  510:03:00         blocks:  2295104 /   4.70GB /   4.38GiB
     Space Used:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB
    Writability: appendable, blank
      Book Type: DVD+R
`;

const BLANK_CD = `${HEAD}           Type: CD-R                 Name: /dev/disk4
   Write Speeds: 10x, 16x, 24x
     Space Free:   79:57:69         blocks:   359844 / 736.96MB / 702.82MiB
     Space Used:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB
    Writability: appendable, blank, overwritable
`;

const BURNED_DVD = `${HEAD}           Type: DVD-R                Name: /dev/disk4
       Sessions: 1                  Tracks: 1
   Overwritable:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB
     Space Free:   00:00:00         blocks:        0 /   0.00MB /   0.00MiB
     Space Used:  139:54:65         blocks:   629690 /   1.29GB /   1.20GiB
    Writability:
`;

const EMPTY = `${HEAD}           Type: No Media Inserted
`;

const BURNERS = `IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/SATA@1F,2/AppleIntelPchSeriesAHCI/PRT1@1/IOAHCIDevice@0/AppleAHCIDiskDriver/IOAHCIBlockStorageDevice/IOSCSIPeripheralDeviceType05
IOService:/AppleACPIPlatformExpert/PCI0@0/AppleACPIPCI/XHC1@14/XHC1@14000000/HS03@14300000/USB2.0 External Mass Storage Device@14300000/IOUSBHostInterface@0/IOUSBMassStorageInterfaceNub/IOUSBMassStorageDriverNub/IOUSBMassStorageDriver/IOSCSILogicalUnitNub@0/IOSCSIPeripheralDeviceType05
`;

const MOUNTS = `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
devfs on /dev (devfs, local, nobrowse)
/dev/disk3s6 on /System/Volumes/VM (apfs, local, noexec, journaled, noatime, nobrowse)
/dev/disk40s1 on /Volumes/Not This One (msdos, local, nodev, nosuid, noowners)
/dev/disk4 on /Volumes/RR_2026_7_D1OF1 (cd9660, local, nodev, nosuid, read-only, noowners)
`;

function fakeRun(...answers: (string | ((options: RunOptions) => string))[]) {
  const calls: { cmd: string; args: string[]; options: RunOptions }[] = [];
  const run: Run = async (cmd, args, options) => {
    calls.push({ cmd, args, options });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('an unexpected call');
    return typeof answer === 'function' ? answer(options) : answer;
  };
  return { run, calls, commands: () => calls.map((c) => [c.cmd, ...c.args]) };
}

describe('burning on macOS with drutil and hdiutil', () => {
  it('lists drives by their drutil number, vendor and product', async () => {
    expect(burnerFor('darwin').platform).toBe('darwin');
    const { run, commands } = fakeRun(LIST);
    expect(await macBurner(run).drives()).toEqual([
      { id: '1', name: 'MATSHITA DVD-R UJ-8A8' },
      { id: '2', name: 'HL-DT-ST DVDRW GX50N' },
    ]);
    expect(commands()).toEqual([['/usr/bin/drutil', 'list']]);
    expect(parseDrutilList('   Vendor   Product           Rev   Bus       SupportLevel\n')).toEqual([]);
    expect(parseDrutilList('')).toEqual([]);
  });

  it('reads the loaded disc from drutil status, and preflight turns it into codes', async () => {
    expect(parseDrutilStatus(BLANK_DVD)).toEqual({ loaded: true, blank: true, kind: 'DVD+R', capacityBytes: 2295104 * 2048, node: '/dev/disk4' });
    expect(parseDrutilStatus(EMPTY)).toEqual({ loaded: false, blank: false, kind: null, capacityBytes: null, node: null });
    expect(parseDrutilStatus('')).toBeNull();

    const { run, calls, commands } = fakeRun(BLANK_DVD, EMPTY, BURNED_DVD, BLANK_CD, '');
    const burner = macBurner(run);
    expect(await preflight(burner, '2', 4_000_000_000)).toEqual({ loaded: true, blank: true, kind: 'DVD+R', capacityBytes: 2295104 * 2048 });
    expect(await codeOf(() => preflight(burner, '2', 1))).toBe('NO_DISC');
    expect(await codeOf(() => preflight(burner, '2', 1))).toBe('DISC_NOT_BLANK');
    expect(await preflight(burner, '2', 800_000_000).catch((e: unknown) => e)).toMatchObject({ code: 'DISC_TOO_SMALL', details: { needed: 800_000_000, free: 359844 * 2048, kind: 'CD-R' } });
    expect(await codeOf(() => burner.medium('7'))).toBe('NO_DRIVE');
    expect(await codeOf(() => burner.medium('/dev/disk4; rm -rf /'))).toBe('NO_DRIVE');
    expect(commands()[0]).toEqual(['/usr/bin/drutil', 'status', '-drive', '2']);
    expect(calls[0]?.options.timeoutMs).toBe(120_000);
    expect(calls).toHaveLength(5);
  });

  it("burns with hdiutil on drutil's drive, keeping the disc in, reading PERCENT lines", async () => {
    expect(parseHdiutilDevices(BURNERS)).toHaveLength(2);
    const { run, calls, commands } = fakeRun(BLANK_DVD, BURNERS, (options) => {
      for (const line of ['MESSAGE:Preparing data for burn', 'PERCENT:-1.000000', 'MESSAGE:Writing track', 'PERCENT:0.034528', 'PERCENT:57.250000', 'MESSAGE:Closing session', 'PERCENT:-1.000000', 'MESSAGE:Burn completed successfully']) options.onLine?.(line);
      return '';
    });
    const controller = new AbortController();
    const seen: number[] = [];
    await macBurner(run).burn('/Users/wang/Library/Caches/RecordsRoom/案卷 1/disc.iso', '2', (p) => seen.push(p), controller.signal);
    expect(seen).toEqual([0.034528, 57.25, 100]);
    expect(commands()).toEqual([
      ['/usr/bin/drutil', 'status', '-drive', '2'],
      ['/usr/bin/hdiutil', 'burn', '-list'],
      ['/usr/bin/hdiutil', 'burn', '/Users/wang/Library/Caches/RecordsRoom/案卷 1/disc.iso', '-device', (BURNERS.split('\n')[1] as string).trim(), '-noverifyburn', '-noeject', '-puppetstrings'],
    ]);
    expect(calls[2]?.options).toMatchObject({ timeoutMs: 6 * 60 * 60_000, signal: controller.signal });

    const { run: one } = fakeRun(BLANK_DVD, BURNERS.split('\n')[0] as string);
    expect(await codeOf(() => macBurner(one).burn('/tmp/disc.iso', '2', () => undefined))).toBe('NO_DRIVE');
  });

  it('reads the burned disc where macOS mounted it, mounting it if need be, and ejects it', async () => {
    expect(mountPointOf(MOUNTS, '/dev/disk4')).toBe('/Volumes/RR_2026_7_D1OF1');
    expect(mountPointOf(MOUNTS.replace('/dev/disk4 on', '/dev/disk4s0 on'), '/dev/disk4')).toBe('/Volumes/RR_2026_7_D1OF1');
    expect(mountPointOf(MOUNTS, '/dev/disk5')).toBeNull();

    const mounted = fakeRun(BLANK_DVD, MOUNTS);
    const disc = await macBurner(mounted.run).openForReading('2', '/tmp/scratch');
    expect(disc.root).toBe('/Volumes/RR_2026_7_D1OF1');
    await disc.release();
    expect(mounted.commands()).toEqual([['/usr/bin/drutil', 'status', '-drive', '2'], ['/sbin/mount']]);

    const later = fakeRun(BLANK_DVD, MOUNTS.replace(/^\/dev\/disk4 .*\n/m, ''), '', MOUNTS);
    expect((await macBurner(later.run).openForReading('2', '/tmp/scratch')).root).toBe('/Volumes/RR_2026_7_D1OF1');
    expect(later.commands()[2]).toEqual(['/usr/sbin/diskutil', 'mount', 'readOnly', '/dev/disk4']);

    const never = fakeRun(BLANK_DVD, '', '', '');
    expect(await codeOf(() => macBurner(never.run).openForReading('2', '/tmp/scratch'))).toBe('NO_DISC');
    expect(await codeOf(() => macBurner(fakeRun(EMPTY).run).openForReading('2', '/tmp/scratch'))).toBe('NO_DISC');

    const eject = fakeRun('');
    await macBurner(eject.run).eject('2');
    expect(eject.commands()).toEqual([['/usr/bin/drutil', 'eject', '-drive', '2']]);
  });
});
