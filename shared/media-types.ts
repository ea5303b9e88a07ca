/** What a body camera, recorder or camera writes, by file extension (lower case, no dot). */
export const MEDIA_EXTENSIONS = {
  video: ['mp4', 'mov', 'avi', 'mkv', 'ts', 'mts', 'm2ts', '3gp', 'h264', 'h265', 'hevc', 'wmv', 'flv', 'mpg', 'mpeg', 'asf', 'dav'],
  audio: ['wav', 'mp3', 'amr', 'aac', 'm4a', 'wma', 'ogg', 'opus', 'flac'],
  photo: ['jpg', 'jpeg', 'png', 'heic', 'heif', 'bmp', 'tif', 'tiff', 'gif', 'webp', 'dng'],
} as const;

export type MediaType = keyof typeof MEDIA_EXTENSIONS;
export const MEDIA_TYPES = Object.keys(MEDIA_EXTENSIONS) as MediaType[];

export function mediaTypeOf(fileName: string): MediaType | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  for (const type of MEDIA_TYPES) if ((MEDIA_EXTENSIONS[type] as readonly string[]).includes(ext)) return type;
  return null;
}

/** Folders and files that operating systems put on removable drives; never evidence. */
export const SYSTEM_ENTRIES = new Set(
  ['system volume information', '$recycle.bin', 'recycler', '.trashes', '.spotlight-v100', '.fseventsd', '.temporaryitems', 'lost+found', 'thumbs.db', 'desktop.ini', '.ds_store', 'autorun.inf'],
);

export function isSystemEntry(name: string): boolean {
  return SYSTEM_ENTRIES.has(name.toLowerCase()) || name.startsWith('._');
}

/** Top-level folders body cameras and recorders write into; a drive that has one looks like a camera. */
export const CAMERA_FOLDERS = new Set(['dcim', 'record', 'records', 'video', 'videos', 'audio', 'photo', 'photos', 'movie', 'picture', 'voice', 'file', '录像', '录音', '照片', '视频']);
