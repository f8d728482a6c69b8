// The API contract: every route's method, path, role, input and output schemas and the error codes
// it can answer with. The server registers handlers against it, the typed client calls through
// it, and the OpenAPI document is generated from it, so the three cannot drift. Browser-safe.
import type { z } from 'zod';
import * as s from './schemas.ts';
import * as rs from './report-schemas.ts';
import { CAMPAIGN_ROUTES } from './campaign-routes.ts';
import { CONSOLE_ROUTES } from './console-routes.ts';
import { STAFF_ACCOUNT_ROUTES } from './staff-account-routes.ts';
import { BARGAINING_ROUTES } from './bargaining-routes.ts';
import { FOLLOW_UP_ROUTES } from './follow-up-routes.ts';
import { STAFF_AUTH_ERRORS as STAFF_ERRORS } from './route-errors.ts';

/**
 * Who may call a route. Deny by default: every role but `public` needs credentials.
 * `admin` = an administrator staff session or the ops bearer token; `observer` = an administrator or
 * observer staff session (or the token), read-only; `trustee` = a trustee staff session; `campaign` =
 * a campaign committee's staff session (its own routes only, for its own vote and side); `staff` =
 * any staff session, for what every staff member does for themself. `trustee`, `campaign` and `staff`
 * never admit the ops token: it is no person.
 */
export type Role = 'public' | 'member' | 'admin' | 'trustee' | 'observer' | 'campaign' | 'staff';
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
  /**
   * The media types of a success response that is not JSON but bytes (a document): the OpenAPI
   * document describes it as binary in each type. Absent: the response is JSON (`response`). The
   * typed client does not call such routes; browsers follow a link to them.
   */
  readonly produces?: readonly string[];
  /** Error codes this route answers with besides the common ones (see COMMON_ERRORS). */
  readonly errors: readonly string[];
  /**
   * The service writes this route's audit entry itself, in the transaction of the change and with
   * what it changed (e.g. how many members a roll import removed); the route kit then writes none.
   */
  readonly auditedByService?: true;
};

/** Any route may answer with these. */
export const COMMON_ERRORS = ['invalid_request', 'invalid_json', 'rate_limited', 'internal_error'] as const;

const vote = s.voteIdParamsSchema;
const CAST_ERRORS = [
  'not_signed_in', 'not_eligible', 'vote_not_found', 'vote_closed', 'too_large', 'non_canonical', 'schema_mismatch',
  'invalid_element', 'identity', 'non_canonical_scalar', 'wrong_vote', 'wrong_question_count', 'wrong_question',
  'wrong_option_count', 'invalid_choice_proof', 'invalid_overall_proof', 'invalid_signature', 'unknown_credential',
  'credential_revoked', 'credential_not_yours', 'duplicate_ballot', 'already_voted',
] as const;
const ADMIN = [...STAFF_ERRORS, 'vote_not_found'] as const;
/** Mail-sending admin routes also need RATIFY_SECRET_KEY (queued bodies are sealed with it). */
const NOTIFY = ['secret_key_missing'] as const;

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
  resultReport: {
    method: 'GET', path: '/api/votes/:id/report.pdf', role: 'public',
    summary: 'The certified result report (PDF, docs/record-format.md §7) made from the record: the same record gives the same bytes as `ratify report`',
    params: vote, query: rs.reportQuerySchema, status: 200, response: rs.reportBytesSchema, produces: rs.REPORT_MEDIA_TYPES, errors: ['vote_not_found', 'result_not_published'],
  },
  ballotParams: {
    method: 'GET', path: '/api/votes/:id/ballot-params', role: 'public', summary: 'What the booth needs to encrypt: manifest text and fingerprint',
    params: vote, status: 200, response: s.ballotParamsSchema, errors: ['vote_not_found'],
  },
  credentialBucket: {
    method: 'GET', path: '/api/votes/:id/credentials', role: 'public',
    summary: 'The published public credentials whose first byte is `prefix` (two hex digits), active and revoked: the booth checks a credential before encrypting',
    params: vote, query: s.credentialBucketQuerySchema, status: 200, response: s.credentialBucketSchema, errors: ['vote_not_found'],
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
    method: 'POST', path: '/api/votes/:id/ballots', role: 'member', summary: "Cast a ballot: the body is the ballot's canonical JSON text (ratify/v2)",
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
  staffLogin: {
    method: 'POST', path: '/api/staff/login', role: 'public', summary: 'Staff sign-in: username, password and (administrators) a TOTP code; sets the staff session cookie and returns the CSRF token',
    body: s.staffLoginBodySchema, status: 200, response: s.staffSignedInSchema, errors: ['invalid_credentials', 'totp_required', 'rate_limited', 'secret_key_missing', 'secret_key_mismatch'],
  },
  staffLogout: {
    method: 'POST', path: '/api/staff/logout', role: 'public', summary: 'End the staff session (idempotent; needs x-csrf-token while the session is live)',
    status: 200, response: s.loggedOutSchema, errors: ['csrf_invalid'],
  },
  staffMe: {
    method: 'GET', path: '/api/staff/me', role: 'public', summary: 'The signed-in staff member (any role)',
    status: 200, response: s.staffMeSchema, errors: ['staff_sign_in_required'],
  },
  auditLog: {
    method: 'GET', path: '/api/admin/audit-log', role: 'observer', summary: 'The append-only audit log of administrative actions (administrators and observers)',
    query: s.auditLogQuerySchema, status: 200, response: s.auditLogSchema, errors: [...STAFF_ERRORS],
  },
  adminIssueCredentials: {
    method: 'POST', path: '/api/admin/votes/:id/credentials/issue', role: 'admin',
    summary: 'Credential authority (server mode): one private credential per eligible member, only the public list published, each private one emailed (sealed in the queue, blanked once sent)',
    params: vote, status: 202, response: s.issueCredentialsResponseSchema,
    errors: [...ADMIN, ...NOTIFY, 'vote_not_draft', 'credentials_already_published', 'credential_count_mismatch', 'no_credentials', 'manifest_unreadable', 'credential_authority_offline', 'authority_key_unavailable'],
  },
  adminSendReminders: {
    method: 'POST', path: '/api/admin/votes/:id/reminders', role: 'admin', summary: 'Queue a reminder to every eligible member who has not voted and has no reminder waiting to be sent; a second run needs { again: true }',
    params: vote, body: s.remindersBodySchema, status: 202, response: s.remindersResponseSchema, errors: [...ADMIN, ...NOTIFY, 'vote_not_open', 'reminders_already_sent'],
  },
  adminReplaceCredential: {
    method: 'POST', path: '/api/admin/votes/:id/credentials/replace', role: 'admin',
    summary: "Revoke a member's credential (found by member number; or by an older email's reference) and email them a new one (both audited)",
    params: vote, body: s.replaceCredentialBodySchema, status: 202, response: s.replaceCredentialResponseSchema,
    errors: [...ADMIN, ...NOTIFY, 'member_not_on_roll', 'credential_handle_unknown', 'credential_already_revoked', 'no_credentials', 'vote_closed', 'credential_authority_offline', 'authority_key_unavailable'],
  },
  adminRelayReplacement: {
    method: 'POST', path: '/api/admin/votes/:id/credentials/replacements', role: 'admin',
    summary: 'Relay a credential replacement signed offline by the credential authority (ratify credentials replace): checked against the manifest, then appended to the board with its audit entries',
    params: vote, body: s.relayReplacementBodySchema, status: 201, response: s.relayReplacementResponseSchema,
    errors: [...ADMIN, 'credential_handle_unknown', 'credential_already_revoked', 'no_credentials', 'vote_closed', 'invalid_authority_signature', 'malformed_authority_signature', 'malformed_credential', 'duplicate_credential'],
  },
  adminAnnounceResult: {
    method: 'POST', path: '/api/admin/votes/:id/announce-result', role: 'admin', summary: 'Email the published result to every member on the roll (once)',
    params: vote, status: 202, response: s.announceResultResponseSchema, errors: [...ADMIN, ...NOTIFY, 'result_not_published', 'already_announced'],
  },
  adminMailStatus: {
    method: 'GET', path: '/api/admin/votes/:id/mail', role: 'admin', summary: "The vote's outgoing mail: counts per kind and status, and the failures and bounces",
    params: vote, status: 200, response: s.mailStatusSchema, errors: [...ADMIN],
  },
  // Admin console and trustee pages: rolls, drafts, the ceremony relay, the tally step, turnout (console-routes.ts).
  ...CONSOLE_ROUTES,
  ...STAFF_ACCOUNT_ROUTES,
  // Bargaining tracker and offer comparison (bargaining-routes.ts).
  ...BARGAINING_ROUTES,
  // Campaigns: endorsement pages, committees and appeals (campaign-routes.ts).
  ...CAMPAIGN_ROUTES,
  // Linked follow-up votes (follow-up-routes.ts).
  ...FOLLOW_UP_ROUTES,
  devMail: {
    method: 'GET', path: '/api/dev/mail', role: 'public', summary: 'DEVELOPMENT ONLY (RATIFY_DEV_MAIL=1): the mail the server would have sent',
    status: 200, response: s.devMailSchema, errors: [],
  },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
export type ResponseOf<N extends RouteName> = z.infer<Routes[N]['response']>;
