// The typed API client: fetch-based, usable in browsers (packages/web) and Node (the CLI, tests).
// Imports only the API contract (zod schemas), never node: modules or server internals. Every
// response is validated against the contract; expected failures come back as values, not throws.
import { type RouteName, type RouteSpec, type ResponseOf, ROUTES } from './api/routes.ts';
import { errorBodySchema } from './api/schemas.ts';

export type ApiError = { readonly code: string; readonly message: string };
export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly error: ApiError };

export type ClientOptions = {
  /** e.g. `http://127.0.0.1:3000`; empty (the default) means same origin, for browsers. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Sent as `Authorization: Bearer …` to admin routes. */
  readonly adminToken?: string;
  /** Sent as `x-csrf-token` on every non-GET call (staff sessions); staffLogin and staffMe set it too. */
  readonly csrfToken?: string;
};

export type CallInput = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** A value sent as JSON. */
  readonly json?: unknown;
  /** A body sent as-is with content-type application/json (canonical JSON texts, or raw test input). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
};

export type BoardQuery = { readonly q?: string; readonly from?: number; readonly limit?: number };

/**
 * A route's path with its `:name` segments filled in (each encoded), from the one route table: for
 * links the browser follows itself, such as a document download (routes that `produce` bytes).
 */
export function apiPath(name: RouteName, params: Readonly<Record<string, string>> = {}): string {
  const spec: RouteSpec = ROUTES[name];
  return spec.path.replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}

export function createClient(options: ClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  // Outside browsers there is no cookie store: keep the session cookie here. (In browsers the
  // cookie is HttpOnly, getSetCookie() returns nothing and the browser does the work.)
  const jar = new Map<string, string>();
  let csrfToken = options.csrfToken;

  function url(name: RouteName, input: CallInput): string {
    const path = apiPath(name, input.params);
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(input.query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  function keepCookies(response: Response): void {
    const lines = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
    for (const line of lines) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /;\s*Max-Age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  async function call<N extends RouteName>(name: N, input: CallInput = {}): Promise<ApiResult<ResponseOf<N>>> {
    const spec: RouteSpec = ROUTES[name];
    const headers: Record<string, string> = { accept: 'application/json', ...input.headers };
    let body: string | undefined;
    if (input.text !== undefined) body = input.text;
    else if (input.json !== undefined) body = JSON.stringify(input.json);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if ((spec.role === 'admin' || spec.role === 'observer') && options.adminToken !== undefined) headers['authorization'] ??= `Bearer ${options.adminToken}`;
    if (spec.method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] ??= csrfToken;
    if (jar.size > 0) headers['cookie'] ??= [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await doFetch(url(name, input), {
      method: spec.method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
    });
    keepCookies(response);
    const payload: unknown = await response.json();
    if (response.ok) {
      const value = spec.response.parse(payload) as ResponseOf<N>;
      if (name === 'staffLogin') csrfToken = (value as ResponseOf<'staffLogin'>).csrfToken;
      if (name === 'staffMe') csrfToken = (value as ResponseOf<'staffMe'>).csrfToken;
      if (name === 'staffLogout') csrfToken = options.csrfToken;
      return { ok: true, status: response.status, value };
    }
    return { ok: false, status: response.status, error: errorBodySchema.parse(payload).error };
  }

  const id = (voteId: string) => ({ params: { id: voteId } });
  return {
    call,
    /** The session cookie held for non-browser callers (tests inspect it). */
    cookies: (): ReadonlyMap<string, string> => new Map(jar),
    health: () => call('health'),
    openapi: () => call('openapi'),
    listVotes: () => call('listVotes'),
    getVote: (voteId: string) => call('getVote', id(voteId)),
    board: (voteId: string, query: BoardQuery = {}) => call('board', { ...id(voteId), query }),
    turnout: (voteId: string) => call('turnout', id(voteId)),
    result: (voteId: string) => call('result', id(voteId)),
    record: (voteId: string) => call('record', id(voteId)),
    ballotParams: (voteId: string) => call('ballotParams', id(voteId)),
    /** `prefix`: the first byte (two lower-case hex digits) of the public credential looked for. */
    credentialBucket: (voteId: string, prefix: string) => call('credentialBucket', { ...id(voteId), query: { prefix } }),
    requestCode: (memberNumber: string) => call('requestCode', { json: { memberNumber } }),
    verifyCode: (memberNumber: string, code: string) => call('verifyCode', { json: { memberNumber, code } }),
    logout: () => call('logout'),
    me: () => call('me'),
    /** `ballotText`: the ballot's canonical JSON (protocol encodeBallot), sent byte for byte. */
    castBallot: (voteId: string, ballotText: string) => call('castBallot', { ...id(voteId), text: ballotText }),
    admin: {
      open: (voteId: string) => call('adminOpen', id(voteId)),
      close: (voteId: string) => call('adminClose', id(voteId)),
      submitPartialDecryption: (voteId: string, text: string) => call('adminPartialDecryption', { ...id(voteId), text }),
      publishResult: (voteId: string) => call('adminPublishResult', id(voteId)),
      issueCredentials: (voteId: string) => call('adminIssueCredentials', id(voteId)),
      sendReminders: (voteId: string, again = false) => call('adminSendReminders', { ...id(voteId), json: { again } }),
      /** `credentialHandle`: the reference printed in the member's credential email. */
      replaceCredential: (voteId: string, body: { readonly memberNumber: string; readonly reason: string; readonly credentialHandle?: string }) =>
        call('adminReplaceCredential', { ...id(voteId), json: body }),
      /** A replacement signed offline by the credential authority (`ratify credentials replace`). */
      relayReplacement: (
        voteId: string,
        body: { readonly revoked: string; readonly added: string; readonly reason: string; readonly authoritySignature: { readonly challenge: string; readonly response: string } },
      ) => call('adminRelayReplacement', { ...id(voteId), json: body }),
      announceResult: (voteId: string) => call('adminAnnounceResult', id(voteId)),
      mailStatus: (voteId: string) => call('adminMailStatus', id(voteId)),
    },
    devMail: () => call('devMail'),
    staff: {
      /** Keeps the session cookie (outside browsers) and the CSRF token for later calls. */
      login: (username: string, password: string, totp?: string) =>
        call('staffLogin', { json: { username, password, ...(totp !== undefined ? { totp } : {}) } }),
      logout: () => call('staffLogout'),
      me: () => call('staffMe'),
      auditLog: (query: { readonly voteId?: string; readonly from?: number; readonly limit?: number } = {}) => call('auditLog', { query }),
      /** The CSRF token held for this client (undefined before login). */
      csrfToken: (): string | undefined => csrfToken,
    },
  };
}

export type RatifyClient = ReturnType<typeof createClient>;
