import { useEffect, useState } from 'react';

/** The window's height less what sits above and below a scrolling area, kept current on resize; never under 320 px. */
export function useViewportRest(reserved: number): number {
  const [height, setHeight] = useState(() => rest(reserved));
  useEffect(() => {
    const onResize = () => setHeight(rest(reserved));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved]);
  return height;
}

function rest(reserved: number): number {
  return Math.max(320, window.innerHeight - reserved);
}
