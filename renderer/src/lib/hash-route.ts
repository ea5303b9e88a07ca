import { useCallback, useEffect, useState } from 'react';

export const ROUTES = ['dashboard', 'import', 'library', 'cases', 'lending', 'retention', 'discs', 'ledgers', 'backup', 'audit', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'dashboard';
}

/** The page lives in the URL hash, so a reload stays on the same screen. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = `/${next}`;
  }, []);
  return [route, navigate];
}
