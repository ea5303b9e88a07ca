import { useEffect, useState } from 'react';
import { formatInstant } from '../lib/format.js';

/** The clock, ticking: a photo of the screen says to the second when it was taken. */
function useNow(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Who is watching (and on whose approval) with the running time, tiled over the picture: a
 * photo or recording of the screen still says who watched when.
 */
export function Watermark({ text }: { text: string }) {
  const line = `${text} ${formatInstant(useNow())}`;
  return (
    <div aria-hidden style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden', display: 'flex', flexWrap: 'wrap', alignContent: 'space-around', justifyContent: 'space-around', opacity: 0.28 }} data-testid="watermark">
      {Array.from({ length: 12 }, (_, i) => (
        <span key={i} style={{ color: '#fff', textShadow: '0 0 2px #000', transform: 'rotate(-24deg)', fontSize: 14, whiteSpace: 'nowrap', padding: 24 }}>
          {line}
        </span>
      ))}
    </div>
  );
}
