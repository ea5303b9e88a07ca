import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

export const FFMPEG = ffmpegInstaller.path;

function ffmpeg(args: string[]): void {
  execFileSync(FFMPEG, ['-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export function hasEncoder(name: string): boolean {
  return execFileSync(FFMPEG, ['-hide_banner', '-encoders'], { encoding: 'utf8' }).includes(` ${name} `);
}

/** Real media made by ffmpeg, the way body cameras lay them out. */
export const make = {
  h264(file: string, seconds = 2): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=320x240:rate=25`, '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', file]);
  },
  hevc(file: string, seconds = 1): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', String(seconds), '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', file]);
  },
  /** MPEG-4 part 2 with MP3 in AVI: what older cameras write, and browsers can't play. */
  avi(file: string, seconds = 1, size = '320x240'): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-f', 'lavfi', '-i', 'sine=frequency=500', '-t', String(seconds), '-c:v', 'mpeg4', '-q:v', '10', '-c:a', 'libmp3lame', '-shortest', file]);
  },
  /** AMR narrow-band speech, as voice recorders write it. */
  amr(file: string, seconds = 1): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300', '-t', String(seconds), '-ar', '8000', '-ac', '1', '-c:a', 'libopencore_amrnb', '-b:a', '12.2k', file]);
  },
  wav(file: string, seconds = 1): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=300', '-t', String(seconds), file]);
  },
  jpeg(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=640x480', '-frames:v', '1', file]);
  },
  /** The first half of a real clip: what a camera leaves when its battery dies mid-recording. */
  truncated(file: string): void {
    const whole = `${file}.whole.mp4`;
    make.h264(whole, 2);
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.rmSync(whole);
  },
  empty(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  },
  /**
   * Bytes no demuxer accepts, the same every run: fresh random bytes now and then parse as some
   * audio format (ffprobe said "readable" to one CI run), so a test of unreadable media uses these.
   */
  noise(file: string, bytes: number): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const out = Buffer.alloc(bytes);
    let x = 0x2545f491;
    for (let i = 0; i < bytes; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    fs.writeFileSync(file, out);
  },
  /** Random bytes, for size (never compresses, never dedupes). */
  random(file: string, bytes: number): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    const chunk = Buffer.alloc(1 << 20);
    for (let done = 0; done < bytes; done += chunk.length) {
      randomFillSync(chunk);
      fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - done));
    }
    fs.closeSync(fd);
  },
};

/** A prepared "camera drive": nested folders, Chinese names with spaces, noise a camera leaves. */
export function cameraDrive(root: string): string[] {
  make.h264(path.join(root, 'DCIM', '100MEDIA', 'T001_000123_20261120093000_0001.MP4'));
  make.h264(path.join(root, 'DCIM', '100MEDIA', 'T001_000123_20261120093500_0002.MP4'), 1);
  make.wav(path.join(root, '录音', '现场 录音 01.wav'));
  make.jpeg(path.join(root, 'PHOTO', '重点', 'IMG_0001.JPG'));
  make.truncated(path.join(root, 'DCIM', '100MEDIA', 'T001_000123_20261120094000_0003.MP4'));
  make.empty(path.join(root, 'DCIM', '100MEDIA', 'T001_000123_20261120094500_0004.MP4'));
  fs.writeFileSync(path.join(root, 'DCIM', 'index.dat'), 'camera index');
  fs.mkdirSync(path.join(root, 'System Volume Information'), { recursive: true });
  fs.writeFileSync(path.join(root, 'System Volume Information', 'IndexerVolumeGuid.jpg'), 'x');
  fs.writeFileSync(path.join(root, 'DCIM', 'Thumbs.db'), 'x');
  fs.symlinkSync(root, path.join(root, 'DCIM', 'loop'));
  return [
    'DCIM/100MEDIA/T001_000123_20261120093000_0001.MP4',
    'DCIM/100MEDIA/T001_000123_20261120093500_0002.MP4',
    'DCIM/100MEDIA/T001_000123_20261120094000_0003.MP4',
    'DCIM/100MEDIA/T001_000123_20261120094500_0004.MP4',
    'PHOTO/重点/IMG_0001.JPG',
    '录音/现场 录音 01.wav',
  ];
}
