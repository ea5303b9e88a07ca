import { useCallback, useEffect, useState } from 'react';

/** Where the URL hash points: a page name and an optional part of it (`#/settings/mine`). */
export interface HashLocation {
  page: string;
  part: string | null;
}

function current(): HashLocation {
  const [page = '', part] = window.location.hash.replace(/^#\/?/, '').split('/');
  return { page, part: part || null };
}

/**
 * The page lives in the URL hash, so a reload stays on the same screen. Which names exist and
 * who may open them is the route table's business, not the URL's.
 */
export function useHashRoute(): [HashLocation, (page: string, part?: string) => void] {
  const [location, setLocation] = useState<HashLocation>(current);
  useEffect(() => {
    const onChange = () => setLocation(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((page: string, part?: string) => {
    window.location.hash = part ? `/${page}/${part}` : `/${page}`;
  }, []);
  return [location, navigate];
}
