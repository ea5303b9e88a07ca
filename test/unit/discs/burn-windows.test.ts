import { describe, expect, it } from 'vitest';
import { burnerFor, preflight } from '../../../electron/core/discs/burners/index.js';
import { DRIVES_SCRIPT, parseWindowsDrives, parseWindowsMedium, psQuote, windowsBurner } from '../../../electron/core/discs/burners/windows.js';
import type { Run, RunOptions } from '../../../electron/core/discs/run-tool.js';
import { codeOf } from '../../support/test-app.js';

// IMAPI2 can't run here: these tests check exactly what would be run (powershell.exe, its
// arguments, the script it decodes) and parse the JSON those scripts print on Windows.

const RECORDER = '\\\\?\\scsi#cdrom&ven_hl-dt-st&prod_dvdram_gh24nsd1#4&2ab04e5e&0&010000#{53f56308-b6bf-11d0-94f2-00a0c91efb8b}';

/** A Run that answers each call in turn and remembers what it was asked. */
function fakeRun(...answers: (string | ((options: RunOptions) => string))[]) {
  const calls: { cmd: string; args: string[]; options: RunOptions }[] = [];
  const run: Run = async (cmd, args, options) => {
    calls.push({ cmd, args, options });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('an unexpected call');
    return typeof answer === 'function' ? answer(options) : answer;
  };
  const script = (i: number) => Buffer.from(calls[i]?.args.at(-1) ?? '', 'base64').toString('utf16le');
  return { run, calls, script };
}

describe('burning on Windows with IMAPI2 through PowerShell', () => {
  it('runs Windows PowerShell with the script encoded, never on a shell line', async () => {
    expect(burnerFor('win32').platform).toBe('win32');
    const { run, calls, script } = fakeRun('[]');
    expect(await windowsBurner(run).drives()).toEqual([]);
    expect(calls[0]?.cmd).toBe('powershell.exe');
    expect(calls[0]?.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(calls[0]?.args).toHaveLength(6);
    expect(calls[0]?.options).toMatchObject({ tool: 'powershell', timeoutMs: 120_000 });
    expect(script(0)).toBe(DRIVES_SCRIPT);
    expect(DRIVES_SCRIPT).toMatch(/^\$ErrorActionPreference = 'Stop'\n\$ProgressPreference = 'SilentlyContinue'\n\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8\ntry \{\n/);
    expect(DRIVES_SCRIPT).toMatch(/\} catch \{\n\[Console\]::Error\.WriteLine\(\$_\.Exception\.Message\)\nexit 1\n\}\n$/);
    for (const part of ['New-Object -ComObject IMAPI2.MsftDiscMaster2', '$master.IsSupportedEnvironment', 'foreach ($id in $master)', 'New-Object -ComObject IMAPI2.MsftDiscRecorder2', '$r.InitializeDiscRecorder($id)', 'vendor = $r.VendorId; product = $r.ProductId; paths = @($r.VolumePathNames)', 'ConvertTo-Json -Compress -Depth 3 -InputObject @($drives)']) {
      expect(DRIVES_SCRIPT).toContain(part);
    }
  });

  it('lists the recorders by vendor, product and drive letter', () => {
    const out = `[{"id":${JSON.stringify(RECORDER)},"vendor":"HL-DT-ST","product":"DVDRAM GH24NSD1 ","paths":["E:\\\\"]},{"id":"\\\\\\\\?\\\\usbstor#cdrom&ven_asus&prod_sdrw-08u9m-u#0","vendor":"ASUS    ","product":"SDRW-08U9M-U    ","paths":[]}]\r\n`;
    expect(parseWindowsDrives(out)).toEqual([
      { id: RECORDER, name: 'HL-DT-ST DVDRAM GH24NSD1 (E:)' },
      { id: '\\\\?\\usbstor#cdrom&ven_asus&prod_sdrw-08u9m-u#0', name: 'ASUS SDRW-08U9M-U' },
    ]);
    expect(parseWindowsDrives(`WARNING: something PowerShell wanted to say\r\n{"id":"x","vendor":"PIONEER ","product":"BD-RW   BDR-XD08","paths":["F:\\\\"]}`)).toEqual([{ id: 'x', name: 'PIONEER BD-RW   BDR-XD08 (F:)' }]);
    expect(() => parseWindowsDrives('Add-Type : Cannot add type.')).toThrow(expect.objectContaining({ code: 'TOOL_FAILED' }));
  });

  it('asks MsftDiscFormat2Data what is loaded, and preflight turns the answer into codes', async () => {
    const { run, calls, script } = fakeRun(
      '{"loaded":true,"supported":true,"blank":true,"type":6,"freeSectors":2295104}',
      '{"loaded":false,"supported":false,"blank":false,"type":null,"freeSectors":null}',
      '{"loaded":true,"supported":true,"blank":false,"type":18,"freeSectors":0}',
      '{"loaded":true,"supported":true,"blank":true,"type":2,"freeSectors":359844}',
      'NO_DRIVE\r\n',
    );
    const burner = windowsBurner(run);
    expect(await preflight(burner, RECORDER, 4_000_000_000)).toEqual({ loaded: true, blank: true, kind: 'DVD+R', capacityBytes: 2295104 * 2048 });
    const medium = script(0);
    expect(calls[0]?.options.timeoutMs).toBe(120_000);
    for (const part of [
      "$recorder = New-Object -ComObject IMAPI2.MsftDiscRecorder2\ntry { $recorder.InitializeDiscRecorder('\\\\?\\scsi#cdrom&ven_hl-dt-st&prod_dvdram_gh24nsd1#4&2ab04e5e&0&010000#{53f56308-b6bf-11d0-94f2-00a0c91efb8b}') } catch { 'NO_DRIVE'; exit 0 }",
      '$format = New-Object -ComObject IMAPI2.MsftDiscFormat2Data',
      '$format.Recorder = $recorder',
      'try { $m.type = [int]$format.CurrentPhysicalMediaType } catch { $m.loaded = $false }',
      'if ($m.loaded -and $format.IsCurrentMediaSupported($recorder)) {',
      '$m.blank = [bool]$format.MediaHeuristicallyBlank',
      '$m.freeSectors = [int64]$format.FreeSectorsOnMedia',
      'ConvertTo-Json -Compress -InputObject $m',
    ]) {
      expect(medium).toContain(part);
    }
    expect(await codeOf(() => preflight(burner, RECORDER, 1))).toBe('NO_DISC');
    expect(await codeOf(() => preflight(burner, RECORDER, 1))).toBe('DISC_NOT_BLANK');
    expect(await preflight(burner, RECORDER, 800_000_000).catch((e: unknown) => e)).toMatchObject({
      code: 'DISC_TOO_SMALL',
      details: { needed: 800_000_000, free: 359844 * 2048, neededMB: '800.0', freeMB: '737.0', kind: 'CD-R' },
    });
    expect(await codeOf(() => burner.medium('gone'))).toBe('NO_DRIVE');
  });

  it('reads the kinds of disc IMAPI2 names, and one it cannot write as not blank', () => {
    const kind = (type: number) => parseWindowsMedium(`{"loaded":true,"supported":true,"blank":true,"type":${type},"freeSectors":1}`).kind;
    expect([2, 3, 6, 7, 8, 9, 10, 11, 18, 19].map(kind)).toEqual(['CD-R', 'CD-RW', 'DVD+R', 'DVD+RW', 'DVD+R DL', 'DVD-R', 'DVD-RW', 'DVD-R DL', 'BD-R', 'BD-RE']);
    expect(kind(0)).toBeNull();
    expect(parseWindowsMedium('{"loaded":true,"supported":false,"blank":false,"type":4,"freeSectors":null}')).toEqual({ loaded: true, blank: false, kind: 'DVD-ROM', capacityBytes: null });
  });

  it('burns through an IStream on the file, closes the disc and reports PROGRESS lines', async () => {
    const { run, calls, script } = fakeRun((options) => {
      for (const line of ['PROGRESS 0', 'PROGRESS 42', 'some other line', 'PROGRESS 99', 'PROGRESS 100']) options.onLine?.(line);
      return 'PROGRESS 0\r\nPROGRESS 42\r\nPROGRESS 99\r\nPROGRESS 100\r\n';
    });
    const controller = new AbortController();
    const seen: number[] = [];
    await windowsBurner(run).burn("C:\\Users\\王秀兰\\O'Brien\\disc.iso", RECORDER, (p) => seen.push(p), controller.signal);
    expect(seen).toEqual([0, 42, 99, 100]);
    expect(calls[0]?.options).toMatchObject({ tool: 'powershell', timeoutMs: 6 * 60 * 60_000, signal: controller.signal });
    const burn = script(0);
    for (const part of [
      "InitializeDiscRecorder('\\\\?\\scsi#cdrom",
      "Add-Type -TypeDefinition @'\nusing System;",
      '[DllImport("shlwapi.dll", CharSet = CharSet.Unicode, PreserveSig = false)]',
      'SHCreateStreamOnFileEx(path, 0x20 /* STGM_READ | STGM_SHARE_DENY_WRITE */, 0, false, null, out file);',
      'Console.Out.WriteLine("PROGRESS " + percent);',
      "}\n'@\n",
      '$format = New-Object -ComObject IMAPI2.MsftDiscFormat2Data',
      '$format.Recorder = $recorder',
      "$format.ClientName = 'Records Room'",
      '$format.ForceMediaToBeClosed = $true',
      "$image = [RecordsRoomImage]::new('C:\\Users\\王秀兰\\O''Brien\\disc.iso')",
      '$format.Write($image)',
      "'PROGRESS 100'",
    ]) {
      expect(burn).toContain(part);
    }
  });

  it('reads the burned disc through its drive letter, and ejects it', async () => {
    const { run, script } = fakeRun('{"ready":true,"root":"E:\\\\"}', '{"ready":false,"root":"E:\\\\"}', '{"ready":false,"root":null}', '');
    const burner = windowsBurner(run);
    const disc = await burner.openForReading(RECORDER, 'C:\\scratch');
    expect(disc.root).toBe('E:\\');
    await disc.release();
    expect(script(0)).toContain('$paths = @($recorder.VolumePathNames)');
    expect(script(0)).toContain('$volume = New-Object System.IO.DriveInfo($paths[0])');
    expect(script(0)).toContain('while (-not $volume.IsReady -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 2 }');
    expect(await codeOf(() => burner.openForReading(RECORDER, 'C:\\scratch'))).toBe('NO_DISC');
    expect(await codeOf(() => burner.openForReading(RECORDER, 'C:\\scratch'))).toBe('TOOL_FAILED');
    await burner.eject(RECORDER);
    expect(script(3)).toContain('$recorder.EjectMedia()');
  });

  it('quotes any text into a PowerShell literal, the curly quotes PowerShell also ends strings at too', () => {
    expect(psQuote("D:\\案卷\\O'Brien ‘x’.iso")).toBe("'D:\\案卷\\O''Brien ‘‘x’’.iso'");
    expect(psQuote('$(Remove-Item C:\\)')).toBe("'$(Remove-Item C:\\)'");
  });
});
