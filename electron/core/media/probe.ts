import { execFile } from 'node:child_process';
import { FFPROBE } from './tool-path.js';

export interface MediaInfo {
  readable: boolean;
  container: string | null;
  durationSeconds: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  /** The creation time the camera wrote into the file: its clock, which may be wrong. */
  creationTime: string | null;
  problem: string | null;
}

interface ProbeJson {
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; r_frame_rate?: string; tags?: Record<string, string> }[];
}

const TIMEOUT_MS = 30_000;

function rate(fraction: string | undefined): number | null {
  const [n, d] = (fraction ?? '').split('/').map(Number);
  return n && d ? Math.round((n / d) * 1000) / 1000 : null;
}

function instant(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function unreadable(problem: string): MediaInfo {
  return { readable: false, container: null, durationSeconds: null, videoCodec: null, audioCodec: null, width: null, height: null, frameRate: null, creationTime: null, problem };
}

/**
 * What ffprobe can tell about a file, read-only. A file it can't parse is not an error: it is
 * evidence all the same, and comes back as `readable: false` with ffprobe's reason.
 */
export function probeMedia(file: string): Promise<MediaInfo> {
  return new Promise((resolve) => {
    execFile(
      FFPROBE,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { timeout: TIMEOUT_MS, maxBuffer: 8 << 20, windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const tail = String(stderr).trim().split('\n').at(-1) ?? '';
          resolve(unreadable(err.killed ? 'ffprobe timed out' : tail || err.message));
          return;
        }
        const json = JSON.parse(stdout) as ProbeJson;
        const video = json.streams?.find((s) => s.codec_type === 'video');
        const audio = json.streams?.find((s) => s.codec_type === 'audio');
        const duration = Number(json.format?.duration);
        resolve({
          readable: Boolean(video || audio),
          container: json.format?.format_name ?? null,
          durationSeconds: Number.isFinite(duration) ? duration : null,
          videoCodec: video?.codec_name ?? null,
          audioCodec: audio?.codec_name ?? null,
          width: video?.width ?? null,
          height: video?.height ?? null,
          frameRate: rate(video?.r_frame_rate),
          creationTime: instant(json.format?.tags?.creation_time ?? video?.tags?.creation_time),
          problem: video || audio ? null : 'no audio or video stream',
        });
      },
    );
  });
}
