import { useEffect, useState } from 'react';

/** The window's height less what sits above and below a scrolling area, kept current on resize; never under 320 px. */
export function useViewportRest(reserved: number): number {
  const measure = () => Math.max(320, window.innerHeight - reserved);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  });
  return height;
}
