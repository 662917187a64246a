import { useEffect, useState } from 'react';

/** The tab's pages, addressed by hash so the service serves one index.html for all of them. */
export type RouteId = 'my' | 'program' | 'cohorts' | 'people' | 'pairs' | 'interviews' | 'handbook' | 'orientation' | 'year' | 'outcomes';

export interface NavItem {
  id: RouteId;
  label: string;
  href: `#/${string}`;
}

const taskforceNav: readonly NavItem[] = [
  { id: 'cohorts', label: 'Cohorts', href: '#/cohorts' },
  { id: 'people', label: 'People', href: '#/people' },
  { id: 'pairs', label: 'Pairs', href: '#/pairs' },
  { id: 'orientation', label: 'Orientation', href: '#/orientation' },
  { id: 'year', label: 'Year', href: '#/year' },
  { id: 'outcomes', label: 'Outcomes', href: '#/outcomes' },
  { id: 'interviews', label: 'My interviews', href: '#/interviews' },
  { id: 'my', label: 'My mentoring', href: '#/my' },
  { id: 'handbook', label: 'Handbook', href: '#/handbook' },
];

const everyoneNav: readonly NavItem[] = [
  { id: 'my', label: 'My mentoring', href: '#/my' },
  { id: 'handbook', label: 'Handbook', href: '#/handbook' },
];

export function navFor(taskforce: boolean): readonly NavItem[] {
  return taskforce ? taskforceNav : everyoneNav;
}

export const taskforceOnlyRoutes: ReadonlySet<RouteId> = new Set<RouteId>(['cohorts', 'people', 'pairs', 'interviews', 'orientation', 'year', 'outcomes']);

const knownRoutes: ReadonlySet<string> = new Set<RouteId>(['my', 'program', 'cohorts', 'people', 'pairs', 'interviews', 'handbook', 'orientation', 'year', 'outcomes']);

/** Parses `#/pairs` (or `#pairs`, `#/pairs/`) into a route; '' when there is no hash, the raw name when unknown. */
export function parseHash(hash: string): { route: RouteId | undefined; raw: string } {
  const raw = hash.replace(/^#\/?/, '').replace(/\/+$/, '').split(/[/?]/)[0] ?? '';
  return { route: knownRoutes.has(raw) ? (raw as RouteId) : undefined, raw };
}

export function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}
