// The API contract: every route's method, path, role, input and output schemas and the error codes
// it can answer with. The server registers handlers against it, the typed client calls through
// it, and the OpenAPI document is generated from it, so the three cannot drift. Browser-safe.
import type { z } from 'zod';
import * as s from './schemas.ts';

export type Role = 'public' | 'member' | 'admin';
export type Method = 'GET' | 'POST';

export type RouteSpec = {
  readonly method: Method;
  /** Fastify-style path: `:name` segments. */
  readonly path: string;
  readonly role: Role;
  readonly summary: string;
  readonly params?: z.ZodType<Record<string, string>>;
  readonly query?: z.ZodType;
  /** A JSON body validated by the schema, or `canonical`: a raw canonical JSON text whose bytes matter. */
  readonly body?: z.ZodType | 'canonical';
  readonly status: 200 | 201 | 202;
  readonly response: z.ZodType;
  /** Error codes this route answers with besides the common ones (see COMMON_ERRORS). */
  readonly errors: readonly string[];
};

/** Any route may answer with these. */
export const COMMON_ERRORS = ['invalid_request', 'invalid_json', 'rate_limited', 'internal_error'] as const;

const vote = s.voteIdParamsSchema;
const CAST_ERRORS = [
  'not_signed_in', 'not_eligible', 'vote_not_found', 'vote_closed', 'too_large', 'non_canonical', 'schema_mismatch',
  'invalid_element', 'identity', 'non_canonical_scalar', 'wrong_vote', 'wrong_question_count', 'wrong_question',
  'wrong_option_count', 'invalid_choice_proof', 'invalid_overall_proof', 'invalid_signature', 'unknown_credential',
  'credential_revoked', 'duplicate_ballot', 'already_voted',
] as const;
const ADMIN = ['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'vote_not_found'] as const;

export const ROUTES = {
  health: { method: 'GET', path: '/api/health', role: 'public', summary: 'Liveness', status: 200, response: s.healthSchema, errors: [] },
  openapi: { method: 'GET', path: '/api/openapi.json', role: 'public', summary: 'This API as OpenAPI 3.1', status: 200, response: s.canonicalJsonBodySchema, errors: [] },
  listVotes: { method: 'GET', path: '/api/votes', role: 'public', summary: 'Every vote: id, title, union, status, schedule', status: 200, response: s.voteListSchema, errors: [] },
  getVote: {
    method: 'GET', path: '/api/votes/:id', role: 'public', summary: 'A vote: questions, rules in plain words (en/es), schedule, trustees',
    params: vote, status: 200, response: s.voteDetailSchema, errors: ['vote_not_found'],
  },
  board: {
    method: 'GET', path: '/api/votes/:id/board', role: 'public', summary: "Accepted ballots' tracking codes (searchable by prefix) and the board's head hash",
    params: vote, query: s.boardQuerySchema, status: 200, response: s.boardSchema, errors: ['vote_not_found'],
  },
  turnout: {
    method: 'GET', path: '/api/votes/:id/turnout', role: 'public', summary: 'Counts only: eligible and ballots counted',
    params: vote, status: 200, response: s.turnoutSchema, errors: ['vote_not_found'],
  },
  result: {
    method: 'GET', path: '/api/votes/:id/result', role: 'public', summary: 'The published result',
    params: vote, status: 200, response: s.resultSchema, errors: ['vote_not_found', 'result_not_published'],
  },
  record: {
    method: 'GET', path: '/api/votes/:id/record', role: 'public', summary: 'The election record (docs/record-format.md) as a map of files',
    params: vote, status: 200, response: s.recordSchema, errors: ['vote_not_found', 'empty_board'],
  },
  ballotParams: {
    method: 'GET', path: '/api/votes/:id/ballot-params', role: 'public', summary: 'What the booth needs to encrypt: manifest text and fingerprint',
    params: vote, status: 200, response: s.ballotParamsSchema, errors: ['vote_not_found'],
  },
  requestCode: {
    method: 'POST', path: '/api/auth/request-code', role: 'public', summary: 'Send a one-time sign-in code to the email on the roll (same answer whether or not the member exists)',
    body: s.requestCodeBodySchema, status: 202, response: s.requestCodeResponseSchema, errors: [],
  },
  verifyCode: {
    method: 'POST', path: '/api/auth/verify-code', role: 'public', summary: 'Exchange member number + one-time code for a session cookie',
    body: s.verifyCodeBodySchema, status: 200, response: s.signedInSchema, errors: ['invalid_code'],
  },
  logout: { method: 'POST', path: '/api/auth/logout', role: 'public', summary: 'End the session (idempotent)', status: 200, response: s.loggedOutSchema, errors: [] },
  me: { method: 'GET', path: '/api/me', role: 'member', summary: 'The signed-in member and the votes they may cast, with whether they have voted', status: 200, response: s.meSchema, errors: ['not_signed_in'] },
  castBallot: {
    method: 'POST', path: '/api/votes/:id/ballots', role: 'member', summary: "Cast a ballot: the body is the ballot's canonical JSON text (ratify/v1)",
    params: vote, body: 'canonical', status: 201, response: s.castReceiptSchema, errors: CAST_ERRORS,
  },
  adminOpen: {
    method: 'POST', path: '/api/admin/votes/:id/open', role: 'admin', summary: 'Open a vote (credentials must be published)',
    params: vote, status: 200, response: s.adminTransitionSchema, errors: [...ADMIN, 'invalid_transition', 'no_credentials'],
  },
  adminClose: {
    method: 'POST', path: '/api/admin/votes/:id/close', role: 'admin', summary: 'Close a vote and compute the encrypted tally',
    params: vote, status: 200, response: s.adminCloseSchema, errors: [...ADMIN, 'invalid_transition', 'manifest_unreadable'],
  },
  adminPartialDecryption: {
    method: 'POST', path: '/api/admin/votes/:id/partial-decryptions', role: 'admin', summary: "Submit a trustee's partial decryption of the tally (canonical JSON text)",
    params: vote, body: 'canonical', status: 201, response: s.partialDecryptionReceiptSchema,
    errors: [...ADMIN, 'vote_not_closed', 'tally_not_computed', 'unknown_trustee', 'duplicate_partial_decryption', 'bad_decryption_proof', 'wrong_count', 'non_canonical', 'schema_mismatch', 'too_large'],
  },
  adminPublishResult: {
    method: 'POST', path: '/api/admin/votes/:id/result', role: 'admin', summary: 'Combine k partial decryptions and publish the result',
    params: vote, status: 201, response: s.resultSchema, errors: [...ADMIN, 'not_enough_shares', 'invalid_transition', 'tally_not_computed'],
  },
  devMail: {
    method: 'GET', path: '/api/dev/mail', role: 'public', summary: 'DEVELOPMENT ONLY (RATIFY_DEV_MAIL=1): the mail the server would have sent',
    status: 200, response: s.devMailSchema, errors: [],
  },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
export type ResponseOf<N extends RouteName> = z.infer<Routes[N]['response']>;
