import { guarded, type Burner } from './burner.js';
import { linuxBurner } from './linux.js';

export { preflight, type Burner, type LoadedMedium, type OpticalDrive } from './burner.js';

/** This system's burner; every burn through it passes preflight first. */
export function burnerFor(platform: NodeJS.Platform): Burner {
  switch (platform) {
    default:
      return guarded(linuxBurner());
  }
}
