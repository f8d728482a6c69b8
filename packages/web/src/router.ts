// The pages' routes: path-based (the fragment is reserved for secrets such as `#credential=`), so
// the server must answer unknown non-API GETs with index.html. Pure: parse and print only.
import { assertNever } from '@ratify/crypto';

export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'booth' }
  | { readonly kind: 'ballot'; readonly voteId: string }
  | { readonly kind: 'vote'; readonly voteId: string }
  | { readonly kind: 'board'; readonly voteId: string; readonly q: string }
  | { readonly kind: 'result'; readonly voteId: string }
  | { readonly kind: 'not_found' };

const SLUG = '([a-z0-9][a-z0-9_-]{0,63})';
const PATTERNS: readonly [RegExp, (id: string, search: URLSearchParams) => Route][] = [
  [new RegExp(`^/booth/${SLUG}$`), (voteId) => ({ kind: 'ballot', voteId })],
  [new RegExp(`^/votes/${SLUG}$`), (voteId) => ({ kind: 'vote', voteId })],
  [new RegExp(`^/votes/${SLUG}/board$`), (voteId, s) => ({ kind: 'board', voteId, q: (s.get('q') ?? '').toLowerCase().replace(/[^0-9a-f]/g, '') })],
  [new RegExp(`^/votes/${SLUG}/result$`), (voteId) => ({ kind: 'result', voteId })],
];

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '/index.html') return { kind: 'home' };
  if (path === '/booth') return { kind: 'booth' };
  const params = new URLSearchParams(search);
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(path);
    if (m) return make(m[1]!, params);
  }
  return { kind: 'not_found' };
}

export function routePath(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '/';
    case 'booth':
      return '/booth';
    case 'ballot':
      return `/booth/${route.voteId}`;
    case 'vote':
      return `/votes/${route.voteId}`;
    case 'board':
      return `/votes/${route.voteId}/board${route.q ? `?q=${route.q}` : ''}`;
    case 'result':
      return `/votes/${route.voteId}/result`;
    case 'not_found':
      return '/';
    default:
      return assertNever(route);
  }
}
