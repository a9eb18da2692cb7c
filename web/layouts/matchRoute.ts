import { matchPath } from 'react-router-dom';
import { ROUTES, type AppRoute } from '../routes.ts';

/** The console route a URL belongs to; static paths win over parameterised ones (/people/import before /people/:id). */
export function matchAppRoute(pathname: string): AppRoute | undefined {
  const hits = ROUTES.filter((r) => matchPath({ path: r.path, end: true }, pathname));
  return hits.find((r) => !r.path.includes(':')) ?? hits[0];
}
