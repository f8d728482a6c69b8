// The pages' only door to the server: the typed client from @ratify/server/client (same origin, the
// browser keeps the HttpOnly session cookie), adapted so that every failure — an error answer, a
// network failure, a response that does not match the contract — is a value the pages can show.
// Must not import server internals, storage or the engine.
import { apiPath, createClient, type ApiResult, type CallInput } from '@ratify/server/client';
import type { ResponseOf, RouteName } from '@ratify/server/api';

export type ApiFailure = { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };
export type ApiOutcome<T> = { readonly ok: true; readonly value: T } | ApiFailure;

const client = createClient();

/** Runs one client call and turns every way it can fail into an ApiFailure value. */
export async function settle<T>(pending: () => Promise<ApiResult<T>>): Promise<ApiOutcome<T>> {
  try {
    const r = await pending();
    return r.ok ? { ok: true, value: r.value } : { ok: false, status: r.status, code: r.error.code, message: r.error.message };
  } catch (e) {
    // fetch rejects on network failure (TypeError); the client throws when a body breaks the contract.
    const network = e instanceof TypeError;
    return { ok: false, status: 0, code: network ? 'network_error' : 'bad_response', message: e instanceof Error ? e.message : 'unexpected' };
  }
}

export const api = {
  listVotes: () => settle(() => client.listVotes()),
  getVote: (id: string) => settle(() => client.getVote(id)),
  ballotParams: (id: string) => settle(() => client.ballotParams(id)),
  credentialBucket: (id: string, prefix: string) => settle(() => client.credentialBucket(id, prefix)),
  board: (id: string, query: { readonly q?: string; readonly from?: number; readonly limit?: number } = {}) => settle(() => client.board(id, query)),
  turnout: (id: string) => settle(() => client.turnout(id)),
  result: (id: string) => settle(() => client.result(id)),
  record: (id: string) => settle(() => client.record(id)),
  requestCode: (memberNumber: string) => settle(() => client.requestCode(memberNumber)),
  verifyCode: (memberNumber: string, code: string) => settle(() => client.verifyCode(memberNumber, code)),
  logout: () => settle(() => client.logout()),
  me: () => settle(() => client.me()),
  castBallot: (id: string, ballotText: string) => settle(() => client.castBallot(id, ballotText)),
  voteOffer: (id: string) => settle(() => client.call('voteOffer', { params: { id } })),
  /** Any public or member route by name (staff routes go through staff/staff-api.ts, which holds the CSRF token). */
  call: <N extends RouteName>(name: N, input: CallInput = {}) => settle(() => client.call(name, input)),
  /** Not a call: the link to a document of the offer a vote ratifies (the browser downloads it). */
  documentHref: (voteId: string, documentId: string) => apiPath('voteOfferDocument', { id: voteId, documentId }),
};

export type { ResponseOf };
