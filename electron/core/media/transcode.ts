import ffmpeg from 'fluent-ffmpeg';
import type { MediaType } from '../../../shared/media-types.js';
import { FFMPEG, FFPROBE } from './tool-path.js';

/** Derived work yields the CPU to imports and the UI (POSIX nice; ignored on Windows). */
const NICENESS = 15;
const POSTER_WIDTH = 320;
const PROXY_MAX_WIDTH = 1280;

export interface Transcoding {
  done: Promise<void>;
  /** Stops ffmpeg; `done` then rejects. */
  kill(): void;
}

/** "00:01:02.50" → 62.5 */
function seconds(timemark: string): number {
  return timemark.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function run(command: ffmpeg.FfmpegCommand, output: string, progress?: { durationSeconds: number | null; report: (percent: number) => void }): Transcoding {
  const done = new Promise<void>((resolve, reject) => {
    command.setFfmpegPath(FFMPEG).setFfprobePath(FFPROBE);
    // The duration is known from the probe, so the percentage is computed here rather than by fluent-ffmpeg running ffprobe again.
    const duration = progress?.durationSeconds;
    if (progress && duration) command.on('progress', (p: { timemark?: string }) => progress.report(Math.min(100, (seconds(p.timemark ?? '0') / duration) * 100)));
    command
      .on('end', () => resolve())
      .on('error', (err: Error, _out: string | null, stderr: string | null) => {
        const tail = (stderr ?? '').trim().split('\n').at(-1) ?? '';
        reject(new Error(tail || err.message));
      })
      .save(output);
  });
  return { done, kill: () => command.kill('SIGKILL') };
}

/**
 * A still for the library: a frame a little into a video (the first frames are often black), or
 * a photo scaled down. JPEG, at most 320 pixels wide.
 */
export function makePoster(input: string, output: string, durationSeconds: number | null): Transcoding {
  const at = durationSeconds && durationSeconds > 2 ? Math.min(1, durationSeconds / 10) : 0;
  const command = ffmpeg(input, { niceness: NICENESS })
    .seekInput(at)
    .outputOptions(['-frames:v', '1', '-vf', `scale='min(${POSTER_WIDTH},iw)':-2`, '-q:v', '5', '-f', 'image2', '-c:v', 'mjpeg']);
  return run(command, output);
}

/** Where a proxy of each media type goes, by extension: what the player expects. */
export const PROXY_EXTENSION: Record<MediaType, string> = { video: 'mp4', audio: 'm4a', photo: 'jpg' };

/**
 * A copy a browser can play: H.264/AAC in MP4 with the index up front for video, AAC for audio,
 * JPEG for photos in formats browsers don't show (TIFF, DNG, …). Never shown as the original.
 */
export function makeProxy(
  input: string,
  output: string,
  source: { mediaType: MediaType; hasAudio: boolean; durationSeconds: number | null },
  onProgress?: (percent: number) => void,
): Transcoding {
  const { mediaType, hasAudio } = source;
  const command = ffmpeg(input, { niceness: NICENESS });
  if (mediaType === 'photo') {
    command.outputOptions(['-frames:v', '1', '-q:v', '2', '-f', 'image2', '-c:v', 'mjpeg']);
  } else if (mediaType === 'audio') {
    command.outputOptions(['-vn', '-c:a', 'aac', '-b:a', '96k', '-f', 'mp4']);
  } else {
    command.outputOptions([
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p',
      '-vf', `scale='min(${PROXY_MAX_WIDTH},iw)':-2`,
      ...(hasAudio ? ['-c:a', 'aac', '-b:a', '96k'] : ['-an']),
      '-movflags', '+faststart', '-f', 'mp4',
    ]);
  }
  return run(command, output, onProgress && { durationSeconds: source.durationSeconds, report: onProgress });
}
