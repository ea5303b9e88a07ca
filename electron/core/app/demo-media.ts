import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { wallClockOf } from '../../../shared/rules/deadline.js';
import { FFMPEG } from '../media/tool-path.js';

const run = promisify(execFile);

/** One file of the demo camera drive: which camera and officer, how long ago, what kind. */
interface Clip {
  device: string;
  officerNo: string;
  minutesAgo: number;
  seq: number;
  kind: 'h264' | 'hevc' | 'photo' | 'audio';
  seconds?: number;
  /** The camera's 重点 mark, in the name as officers press it. */
  important?: boolean;
}

/** Three years and six weeks: old enough that a standard record's three-year term is over. */
const PAST_TERM = (3 * 365 + 42) * 24 * 60;

/**
 * What the demo office's cameras hold: a morning patrol on T001 that was interrupted and
 * restarted, a photo; on T002 an important clip, a recording brought in three days late, an audio
 * note, a clip in HEVC that the browser can't play as it is (so a proxy is made), and three items
 * from a patrol over three years ago, found on the card and brought in now: past their term, so
 * the expiry review and a destruction list have something to show.
 */
const CLIPS: readonly Clip[] = [
  { device: 'T001', officerNo: '000123', minutesAgo: 150, seq: 1, kind: 'h264', seconds: 6 },
  { device: 'T001', officerNo: '000123', minutesAgo: 149, seq: 2, kind: 'h264', seconds: 4 },
  { device: 'T001', officerNo: '000123', minutesAgo: 140, seq: 3, kind: 'photo' },
  { device: 'T002', officerNo: '000456', minutesAgo: 95, seq: 1, kind: 'h264', seconds: 5, important: true },
  { device: 'T002', officerNo: '000456', minutesAgo: 3 * 24 * 60, seq: 2, kind: 'h264', seconds: 3 },
  { device: 'T002', officerNo: '000456', minutesAgo: 80, seq: 3, kind: 'audio', seconds: 4 },
  { device: 'T002', officerNo: '000456', minutesAgo: 60, seq: 4, kind: 'hevc', seconds: 2 },
  { device: 'T002', officerNo: '000456', minutesAgo: PAST_TERM, seq: 1, kind: 'photo' },
  { device: 'T002', officerNo: '000456', minutesAgo: PAST_TERM - 5, seq: 2, kind: 'audio', seconds: 2 },
  { device: 'T002', officerNo: '000456', minutesAgo: PAST_TERM - 9, seq: 3, kind: 'photo' },
];

const EXTENSION: Record<Clip['kind'], string> = { h264: 'MP4', hevc: 'MP4', photo: 'JPG', audio: 'WAV' };

function ffmpegArgs(clip: Clip, file: string): string[] {
  const picture = ['-f', 'lavfi', '-i', `testsrc=size=640x360:rate=25`];
  const tone = ['-f', 'lavfi', '-i', `sine=frequency=${300 + clip.seq * 60}`];
  const length = ['-t', String(clip.seconds ?? 2)];
  // Each photo its own picture (a hue of its own): two identical files would be one record.
  if (clip.kind === 'photo') return ['-y', ...picture, '-vf', `hue=h=${(clip.seq * 47 + clip.minutesAgo) % 360}`, '-frames:v', '1', file];
  if (clip.kind === 'audio') return ['-y', ...tone, ...length, file];
  if (clip.kind === 'hevc') return ['-y', ...picture, ...length, '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', file];
  return ['-y', ...picture, ...tone, ...length, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', file];
}

/** The demo's camera drive, written into `root` as body cameras name their files, timed back from `now` in the office's zone. */
export async function writeDemoCameraDrive(root: string, now: Date, timeZone: string): Promise<string[]> {
  const written: string[] = [];
  for (const clip of CLIPS) {
    const stamp = wallClockOf(new Date(now.getTime() - clip.minutesAgo * 60_000), timeZone).replace(/[-T:]/g, '');
    const name = `${clip.device}_${clip.officerNo}_${stamp}_${String(clip.seq).padStart(4, '0')}${clip.important ? '_重点' : ''}.${EXTENSION[clip.kind]}`;
    const file = path.join(root, 'DCIM', clip.device, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await run(FFMPEG, ffmpegArgs(clip, file), { timeout: 60_000 });
    written.push(file);
  }
  return written;
}
