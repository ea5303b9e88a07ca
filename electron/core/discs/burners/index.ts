import { guarded, type Burner } from './burner.js';
import { linuxBurner } from './linux.js';
import { macBurner } from './macos.js';
import { windowsBurner } from './windows.js';

export { preflight, type Burner, type LoadedMedium, type OpticalDrive } from './burner.js';

/** This system's burner (xorriso wherever it isn't Windows or macOS); every burn through it passes preflight first. */
export function burnerFor(platform: NodeJS.Platform): Burner {
  switch (platform) {
    case 'win32':
      return guarded(windowsBurner());
    case 'darwin':
      return guarded(macBurner());
    default:
      return guarded(linuxBurner());
  }
}
