import { useEffect } from 'react';

const BLOCKED_EVENTS = ['contextmenu', 'copy', 'cut', 'dragstart', 'selectstart'] as const;

/**
 * No context menu, copying, dragging or selecting anywhere in the viewer, no browser shortcuts
 * the page can intercept (save, print, view source), and a warning before the page is left. The
 * core's lock is what actually keeps the person in front of the screen inside the viewer; these
 * only take away the obvious ways to try.
 */
export function useViewerGuards(): void {
  useEffect(() => {
    const stop = (e: Event) => e.preventDefault();
    const keys = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || /^F\d{1,2}$/.test(e.key)) e.preventDefault();
    };
    const leave = (e: BeforeUnloadEvent) => e.preventDefault();
    for (const type of BLOCKED_EVENTS) document.addEventListener(type, stop, true);
    document.addEventListener('keydown', keys, true);
    window.addEventListener('beforeunload', leave);
    return () => {
      for (const type of BLOCKED_EVENTS) document.removeEventListener(type, stop, true);
      document.removeEventListener('keydown', keys, true);
      window.removeEventListener('beforeunload', leave);
    };
  }, []);
}
