import type { MediaType } from '../media-types.js';

/** What a browser engine (Chromium, Electron) plays natively; everything else gets a playable proxy. */
const PLAYABLE_VIDEO = new Set(['h264', 'vp8', 'vp9', 'av1']);
const PLAYABLE_AUDIO = new Set(['aac', 'mp3', 'opus', 'vorbis', 'flac', 'pcm_s16le', 'pcm_s24le', 'pcm_u8', 'pcm_f32le']);
const PLAYABLE_CONTAINERS = ['mp4', 'mov', 'webm', 'matroska', 'ogg', 'wav', 'mp3', 'flac'];
const PLAYABLE_PHOTO = new Set(['mjpeg', 'png', 'gif', 'webp', 'bmp']);

interface Probed {
  readable: boolean;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
}

function containerPlayable(container: string | null): boolean {
  // ffprobe names container families as lists: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm".
  const names = (container ?? '').split(',');
  return names.some((n) => PLAYABLE_CONTAINERS.includes(n)) && !names.includes('avi');
}

/** Whether the browser can show the original as it is. */
export function playableAsIs(mediaType: MediaType, media: Probed): boolean {
  if (!media.readable) return false;
  if (mediaType === 'photo') return PLAYABLE_PHOTO.has(media.videoCodec ?? '');
  const audioOk = media.audioCodec === null || PLAYABLE_AUDIO.has(media.audioCodec);
  if (mediaType === 'audio') return media.audioCodec !== null && audioOk && containerPlayable(media.container);
  return media.videoCodec !== null && PLAYABLE_VIDEO.has(media.videoCodec) && audioOk && containerPlayable(media.container);
}

export type DerivativeKind = 'poster' | 'proxy';

/**
 * The derived copies a record gets after import: a poster frame for video and photos, and a
 * browser-playable proxy when the original can't be shown as it is. A file nothing can decode
 * gets neither: it is kept and flagged, not converted.
 */
export function derivativesNeeded(mediaType: MediaType, media: Probed): DerivativeKind[] {
  if (!media.readable) return [];
  const kinds: DerivativeKind[] = [];
  if (mediaType !== 'audio' && media.videoCodec !== null) kinds.push('poster');
  if (!playableAsIs(mediaType, media)) kinds.push('proxy');
  return kinds;
}
