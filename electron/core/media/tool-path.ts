import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import ffprobeInstaller from '@ffprobe-installer/ffprobe';

/** Inside a packaged app the binaries are unpacked next to the asar archive, not inside it. */
function unpacked(p: string): string {
  return p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

export const FFPROBE = unpacked(ffprobeInstaller.path);
export const FFMPEG = unpacked(ffmpegInstaller.path);
