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
  | { readonly kind: 'staff' }
  | { readonly kind: 'admin_unions' }
  | { readonly kind: 'admin_roll'; readonly id: string }
  | { readonly kind: 'admin_drafts' }
  | { readonly kind: 'admin_draft_new' }
  | { readonly kind: 'admin_draft'; readonly id: string }
  | { readonly kind: 'admin_votes' }
  | { readonly kind: 'admin_vote'; readonly id: string }
  | { readonly kind: 'admin_roll_amendments'; readonly id: string }
  | { readonly kind: 'admin_staff' }
  | { readonly kind: 'staff_password' }
  | { readonly kind: 'admin_audit'; readonly voteId: string }
  | { readonly kind: 'admin_follow_up'; readonly voteId: string; readonly questionId: string }
  | { readonly kind: 'trustee_home' }
  | { readonly kind: 'trustee_ceremony'; readonly id: string }
  | { readonly kind: 'trustee_decrypt'; readonly id: string }
  | { readonly kind: 'admin_contracts' }
  | { readonly kind: 'admin_contract'; readonly id: string }
  | { readonly kind: 'endorsements'; readonly voteId: string }
  | { readonly kind: 'endorsement_page'; readonly pageId: string }
  | { readonly kind: 'campaign_console' }
  | { readonly kind: 'admin_appeals'; readonly voteId: string }
  | { readonly kind: 'not_found' };

/** The staff pages' routes (administrators, observers, trustees, campaign committees): their code is
 * loaded only when one is visited, so members never download it. */
const STAFF_KINDS = [
  'staff', 'admin_unions', 'admin_roll', 'admin_drafts', 'admin_draft_new', 'admin_draft', 'admin_votes', 'admin_vote',
  'admin_roll_amendments', 'admin_staff', 'staff_password', 'admin_audit', 'admin_follow_up', 'trustee_home',
  'trustee_ceremony', 'trustee_decrypt', 'admin_contracts', 'admin_contract', 'campaign_console', 'admin_appeals',
] as const satisfies readonly Route['kind'][];
export type StaffRoute = Extract<Route, { readonly kind: (typeof STAFF_KINDS)[number] }>;
export type MemberRoute = Exclude<Route, StaffRoute>;

export function isStaffRoute(route: Route): route is StaffRoute {
  return (STAFF_KINDS as readonly string[]).includes(route.kind);
}

const SLUG = '([a-z0-9][a-z0-9_-]{0,63})';
const PATTERNS: readonly [RegExp, (id: string, search: URLSearchParams) => Route][] = [
  [new RegExp(`^/booth/${SLUG}$`), (voteId) => ({ kind: 'ballot', voteId })],
  [new RegExp(`^/votes/${SLUG}$`), (voteId) => ({ kind: 'vote', voteId })],
  [new RegExp(`^/votes/${SLUG}/board$`), (voteId, s) => ({ kind: 'board', voteId, q: (s.get('q') ?? '').toLowerCase().replace(/[^0-9a-f]/g, '') })],
  [new RegExp(`^/votes/${SLUG}/result$`), (voteId) => ({ kind: 'result', voteId })],
  [new RegExp(`^/admin/unions/${SLUG}/roll$`), (id) => ({ kind: 'admin_roll', id })],
  [new RegExp(`^/admin/drafts/${SLUG}$`), (id) => (id === 'new' ? { kind: 'admin_draft_new' } : { kind: 'admin_draft', id })],
  [new RegExp(`^/admin/votes/${SLUG}$`), (id) => ({ kind: 'admin_vote', id })],
  [new RegExp(`^/admin/votes/${SLUG}/roll$`), (id) => ({ kind: 'admin_roll_amendments', id })],
  [new RegExp(`^/admin/contracts/${SLUG}$`), (id) => ({ kind: 'admin_contract', id })],
  [new RegExp(`^/admin/votes/${SLUG}/follow-up$`), (voteId, s) => ({ kind: 'admin_follow_up', voteId, questionId: /^[a-z0-9][a-z0-9_-]{0,63}$/.test(s.get('question') ?? '') ? s.get('question')! : '' })],
  [new RegExp(`^/trustee/drafts/${SLUG}$`), (id) => ({ kind: 'trustee_ceremony', id })],
  [new RegExp(`^/trustee/votes/${SLUG}$`), (id) => ({ kind: 'trustee_decrypt', id })],
  [new RegExp(`^/votes/${SLUG}/endorsements$`), (voteId) => ({ kind: 'endorsements', voteId })],
  [new RegExp(`^/endorsements/${SLUG}$`), (pageId) => ({ kind: 'endorsement_page', pageId })],
  [new RegExp(`^/admin/votes/${SLUG}/appeals$`), (voteId) => ({ kind: 'admin_appeals', voteId })],
];

/** Pages without an id in their path. */
const FIXED: Readonly<Record<string, Route>> = {
  '/staff': { kind: 'staff' },
  '/admin': { kind: 'admin_unions' },
  '/admin/unions': { kind: 'admin_unions' },
  '/admin/drafts': { kind: 'admin_drafts' },
  '/admin/votes': { kind: 'admin_votes' },
  '/trustee': { kind: 'trustee_home' },
  '/admin/staff': { kind: 'admin_staff' },
  '/staff/password': { kind: 'staff_password' },
  '/admin/contracts': { kind: 'admin_contracts' },
  '/campaign': { kind: 'campaign_console' },
};

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '/index.html') return { kind: 'home' };
  if (path === '/booth') return { kind: 'booth' };
  const params = new URLSearchParams(search);
  const fixed = FIXED[path];
  if (fixed) return fixed;
  if (path === '/admin/audit') {
    const vote = params.get('vote') ?? '';
    return { kind: 'admin_audit', voteId: /^[a-z0-9][a-z0-9_-]{0,63}$/.test(vote) ? vote : '' };
  }
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
    case 'staff':
      return '/staff';
    case 'admin_unions':
      return '/admin/unions';
    case 'admin_roll':
      return `/admin/unions/${route.id}/roll`;
    case 'admin_drafts':
      return '/admin/drafts';
    case 'admin_draft_new':
      return '/admin/drafts/new';
    case 'admin_draft':
      return `/admin/drafts/${route.id}`;
    case 'admin_votes':
      return '/admin/votes';
    case 'admin_vote':
      return `/admin/votes/${route.id}`;
    case 'admin_roll_amendments':
      return `/admin/votes/${route.id}/roll`;
    case 'admin_staff':
      return '/admin/staff';
    case 'staff_password':
      return '/staff/password';
    case 'admin_audit':
      return `/admin/audit${route.voteId ? `?vote=${route.voteId}` : ''}`;
    case 'admin_follow_up':
      return `/admin/votes/${route.voteId}/follow-up?question=${route.questionId}`;
    case 'trustee_home':
      return '/trustee';
    case 'trustee_ceremony':
      return `/trustee/drafts/${route.id}`;
    case 'trustee_decrypt':
      return `/trustee/votes/${route.id}`;
    case 'admin_contracts':
      return '/admin/contracts';
    case 'admin_contract':
      return `/admin/contracts/${route.id}`;
    case 'endorsements':
      return `/votes/${route.voteId}/endorsements`;
    case 'endorsement_page':
      return `/endorsements/${route.pageId}`;
    case 'campaign_console':
      return '/campaign';
    case 'admin_appeals':
      return `/admin/votes/${route.voteId}/appeals`;
    case 'not_found':
      return '/';
    default:
      return assertNever(route);
  }
}
