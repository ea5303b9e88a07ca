import path from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import { runTool, type Run } from '../run-tool.js';
import type { Burner, LoadedMedium, OpticalDrive } from './burner.js';

/** Asking IMAPI2 about drives and discs; a drive spinning a disc up takes a while, not minutes. */
const QUERY_MS = 2 * 60_000;
/** The slowest plausible burn (a dual-layer BD-R at 1x, some three hours) twice over. */
const BURN_MS = 6 * 60 * 60_000;

/** IMAPI_MEDIA_PHYSICAL_TYPE, by value. */
const MEDIA_KINDS = [null, 'CD-ROM', 'CD-R', 'CD-RW', 'DVD-ROM', 'DVD-RAM', 'DVD+R', 'DVD+RW', 'DVD+R DL', 'DVD-R', 'DVD-RW', 'DVD-R DL', 'disk', 'DVD+RW DL', 'HD DVD-ROM', 'HD DVD-R', 'HD DVD-RAM', 'BD-ROM', 'BD-R', 'BD-RE'];

/** A PowerShell string literal: single quotes, in which only quote marks (PowerShell counts the curly ones too) are doubled. */
export function psQuote(text: string): string {
  return `'${text.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
}

/**
 * PowerShell with the script as -EncodedCommand (UTF-16LE, base64): no quoting of the script on a
 * command line, and a multi-line script is read whole (piped to `-Command -` it would be read line
 * by line as if typed).
 */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}

/**
 * A whole script: stop at the first error, print UTF-8 (not a Chinese Windows' GBK console code
 * page), no progress records (they'd arrive on stderr as CLIXML), and an error becomes one plain
 * line on stderr and exit 1: the tail a TOOL_FAILED carries.
 */
export function psScript(body: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    "$ProgressPreference = 'SilentlyContinue'",
    '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
    'try {',
    body.trim(),
    '} catch {',
    '[Console]::Error.WriteLine($_.Exception.Message)',
    'exit 1',
    '}',
    '',
  ].join('\n');
}

/** $recorder, the drive with this IMAPI2 unique id; a drive that isn't there prints NO_DRIVE and ends. */
function recorder(drive: string): string {
  return `$recorder = New-Object -ComObject IMAPI2.MsftDiscRecorder2
try { $recorder.InitializeDiscRecorder(${psQuote(drive)}) } catch { 'NO_DRIVE'; exit 0 }`;
}

export const DRIVES_SCRIPT = psScript(`
$master = New-Object -ComObject IMAPI2.MsftDiscMaster2
$drives = @()
if ($master.IsSupportedEnvironment) {
foreach ($id in $master) {
$r = New-Object -ComObject IMAPI2.MsftDiscRecorder2
$r.InitializeDiscRecorder($id)
$drives += [pscustomobject]@{ id = $id; vendor = $r.VendorId; product = $r.ProductId; paths = @($r.VolumePathNames) }
}
}
ConvertTo-Json -Compress -Depth 3 -InputObject @($drives)
`);

/** A disc IMAPI2 can't tell the type of (none loaded, or still spinning up) is no disc. */
export function mediumScript(drive: string): string {
  return psScript(`
${recorder(drive)}
$format = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
$format.Recorder = $recorder
$m = @{ loaded = $true; type = $null; supported = $false; blank = $false; freeSectors = $null }
try { $m.type = [int]$format.CurrentPhysicalMediaType } catch { $m.loaded = $false }
if ($m.loaded -and $format.IsCurrentMediaSupported($recorder)) {
$m.supported = $true
$m.blank = [bool]$format.MediaHeuristicallyBlank
$m.freeSectors = [int64]$format.FreeSectorsOnMedia
}
ConvertTo-Json -Compress -InputObject $m
`);
}

/**
 * IMAPI2 writes from an IStream: the shell's stream on the file (SHCreateStreamOnFileEx, read
 * only, nothing else may write the image meanwhile), inside a stream of ours that prints
 * "PROGRESS n" as IMAPI2 reads it. IMAPI2's own Update events would reach a PowerShell handler
 * only after Write returned. It reads ahead of the laser, and the disc is closed after the last
 * byte is read, so the stream stops at 99 and the script says 100 when Write returns.
 */
const COUNTED_STREAM = `Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
using ComTypes = System.Runtime.InteropServices.ComTypes;

[ComVisible(true)]
public sealed class RecordsRoomImage : ComTypes.IStream {
  [DllImport("shlwapi.dll", CharSet = CharSet.Unicode, PreserveSig = false)]
  static extern void SHCreateStreamOnFileEx(string file, int mode, int attributes, bool create, ComTypes.IStream template, out ComTypes.IStream stream);

  readonly ComTypes.IStream file;
  readonly long size;
  readonly IntPtr scratch = Marshal.AllocCoTaskMem(8);
  long position;
  int shown = -1;

  public RecordsRoomImage(string path) {
    SHCreateStreamOnFileEx(path, 0x20 /* STGM_READ | STGM_SHARE_DENY_WRITE */, 0, false, null, out file);
    ComTypes.STATSTG stat;
    file.Stat(out stat, 1 /* STATFLAG_NONAME */);
    size = stat.cbSize;
  }
  public void Read(byte[] pv, int cb, IntPtr pcbRead) {
    file.Read(pv, cb, scratch);
    int read = Marshal.ReadInt32(scratch);
    if (pcbRead != IntPtr.Zero) Marshal.WriteInt32(pcbRead, read);
    position += read;
    int percent = size > 0 ? (int)Math.Min(99, position * 100 / size) : 0;
    if (percent > shown) { shown = percent; Console.Out.WriteLine("PROGRESS " + percent); Console.Out.Flush(); }
  }
  public void Seek(long dlibMove, int dwOrigin, IntPtr plibNewPosition) {
    file.Seek(dlibMove, dwOrigin, scratch);
    position = Marshal.ReadInt64(scratch);
    if (plibNewPosition != IntPtr.Zero) Marshal.WriteInt64(plibNewPosition, position);
  }
  public void Stat(out ComTypes.STATSTG pstatstg, int grfStatFlag) { file.Stat(out pstatstg, grfStatFlag); }
  public void Clone(out ComTypes.IStream ppstm) { throw new NotSupportedException(); }
  public void Commit(int grfCommitFlags) { }
  public void CopyTo(ComTypes.IStream pstm, long cb, IntPtr pcbRead, IntPtr pcbWritten) { throw new NotSupportedException(); }
  public void LockRegion(long libOffset, long cb, int dwLockType) { }
  public void Revert() { }
  public void SetSize(long libNewSize) { throw new NotSupportedException(); }
  public void UnlockRegion(long libOffset, long cb, int dwLockType) { }
  public void Write(byte[] pv, int cb, IntPtr pcbWritten) { throw new NotSupportedException(); }
}
'@`;

/** Written and closed (never left appendable), under the client name Windows shows while the drive is in use. */
export function burnScript(iso: string, drive: string): string {
  return psScript(`
${recorder(drive)}
${COUNTED_STREAM}
$format = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
$format.Recorder = $recorder
$format.ClientName = 'Records Room'
$format.ForceMediaToBeClosed = $true
$image = [RecordsRoomImage]::new(${psQuote(iso)})
$format.Write($image)
'PROGRESS 100'
`);
}

/** The drive letter the disc is read through, once Windows has mounted the burned disc (up to 90 s). */
export function openScript(drive: string): string {
  return psScript(`
${recorder(drive)}
$paths = @($recorder.VolumePathNames)
if ($paths.Count -eq 0) { ConvertTo-Json -Compress -InputObject @{ root = $null; ready = $false }; exit 0 }
$volume = New-Object System.IO.DriveInfo($paths[0])
$deadline = (Get-Date).AddSeconds(90)
while (-not $volume.IsReady -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 2 }
ConvertTo-Json -Compress -InputObject @{ root = $paths[0]; ready = $volume.IsReady }
`);
}

export function ejectScript(drive: string): string {
  return psScript(`
${recorder(drive)}
$recorder.EjectMedia()
`);
}

/** The JSON a script printed on its last line. */
function lastJson<T>(out: string): T {
  const line = out.trim().split(/\r?\n/).at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new AppError('TOOL_FAILED', 'powershell printed no JSON', { tool: 'powershell', reason: line.slice(0, 200) || 'no output' });
  }
}

interface WindowsDrive {
  id: string;
  vendor: string | null;
  product: string | null;
  paths: string[] | null;
}

/**
 * The drives script's output: ConvertTo-Json of the recorders, an array (one object, were it
 * ever unwrapped). The name is vendor and product, and the drive letter a Windows user knows it by.
 */
export function parseWindowsDrives(out: string): OpticalDrive[] {
  const parsed = lastJson<WindowsDrive | WindowsDrive[] | null>(out);
  const drives = parsed === null ? [] : Array.isArray(parsed) ? parsed : [parsed];
  return drives.map((d) => {
    const letter = d.paths?.[0]?.replace(/\\$/, '');
    const name = `${(d.vendor ?? '').trim()} ${(d.product ?? '').trim()}`.trim();
    return { id: d.id, name: letter ? `${name} (${letter})` : name };
  });
}

/** The medium script's output. A disc IMAPI2 can't write (pressed, finalized, unknown) is loaded, not blank, of unknown room. */
export function parseWindowsMedium(out: string): LoadedMedium {
  const m = lastJson<{ loaded: boolean; type: number | null; supported: boolean; blank: boolean; freeSectors: number | null }>(out);
  if (!m.loaded) return { loaded: false, blank: false, kind: null, capacityBytes: null };
  return {
    loaded: true,
    blank: m.supported && m.blank,
    kind: MEDIA_KINDS[m.type ?? 0] ?? null,
    capacityBytes: m.supported && m.freeSectors !== null ? m.freeSectors * 2048 : null,
  };
}

/** IMAPI2, the burning API in every Windows since XP SP2, through Windows PowerShell 5.1. */
export function windowsBurner(run: Run = runTool): Burner {
  const ps = async (script: string, timeoutMs: number, onLine?: (line: string) => void, signal?: AbortSignal) => {
    const out = await run('powershell.exe', powershellArgs(script), { tool: 'powershell', timeoutMs, onLine, signal });
    if (/^NO_DRIVE\s*$/m.test(out)) throw new AppError('NO_DRIVE', 'no such drive');
    return out;
  };
  return {
    platform: 'win32',

    async drives() {
      return parseWindowsDrives(await ps(DRIVES_SCRIPT, QUERY_MS));
    },

    async medium(drive) {
      return parseWindowsMedium(await ps(mediumScript(drive), QUERY_MS));
    },

    async burn(iso, drive, onPercent, signal) {
      await ps(burnScript(path.win32.resolve(iso), drive), BURN_MS, (line) => {
        const m = /^PROGRESS (\d+(?:\.\d+)?)\s*$/.exec(line);
        if (m) onPercent(Number(m[1]));
      }, signal);
    },

    async openForReading(drive) {
      const { root, ready } = lastJson<{ root: string | null; ready: boolean }>(await ps(openScript(drive), QUERY_MS));
      if (root === null) throw new AppError('TOOL_FAILED', 'the burner has no drive letter', { tool: 'powershell', reason: 'the burner has no drive letter' });
      if (!ready) throw new AppError('NO_DISC', 'the burned disc is not readable', { drive });
      return { root, release: async () => undefined };
    },

    async eject(drive) {
      await ps(ejectScript(drive), QUERY_MS);
    },
  };
}
