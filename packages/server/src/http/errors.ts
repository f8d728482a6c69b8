// The one mapper from result codes to HTTP: every code a service or the engine can return has a
// status here (the type makes the table exhaustive), and every error body is
// `{ error: { code, message } }`. Unexpected throws become a logged 500 with no detail.
import type { CastBallotError, CloseError, ContextError, OpenError, PartialDecryptionError, ResultError } from '@ratify/engine';
import { echoSafe } from '../api/plain-text.ts';
import type { ErrorBody } from '../api/schemas.ts';
import { CAMPAIGN_MESSAGES, CAMPAIGN_STATUS, type CampaignCode } from './campaign-errors.ts';
import { CONSOLE_MESSAGES, CONSOLE_STATUS, type ConsoleCode } from './console-errors.ts';
import { STAFF_ACCOUNT_MESSAGES, STAFF_ACCOUNT_STATUS, type StaffAccountCode } from './staff-account-errors.ts';
import { BARGAINING_MESSAGES, BARGAINING_STATUS, type BargainingCode } from './bargaining-errors.ts';
import { FOLLOW_UP_MESSAGES, FOLLOW_UP_STATUS, type FollowUpCode } from './follow-up-errors.ts';

type EngineCode = CastBallotError | ContextError | OpenError | CloseError | PartialDecryptionError | ResultError | 'empty_board';
export type ServerCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'too_large'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'request_timeout'
  | 'rate_limited'
  | 'internal_error'
  | 'not_signed_in'
  | 'invalid_code'
  | 'not_eligible'
  | 'result_not_published'
  | 'admin_token_required'
  | 'admin_token_invalid'
  | 'admin_disabled'
  | 'staff_sign_in_required'
  | 'invalid_credentials'
  | 'totp_required'
  | 'forbidden_role'
  | 'csrf_invalid';
/** Credentials, reminders and results by email (services/notifications.ts). */
export type NotificationCode =
  | 'vote_not_draft'
  | 'credentials_already_published'
  | 'credential_count_mismatch'
  | 'invalid_credential'
  | 'duplicate_credential'
  | 'vote_not_open'
  | 'member_not_on_roll'
  | 'credential_handle_unknown'
  | 'credential_already_revoked'
  | 'already_announced'
  | 'reminders_already_sent'
  | 'secret_key_missing'
  | 'secret_key_mismatch'
  | 'credential_authority_offline'
  | 'authority_key_unavailable'
  | 'authority_key_mismatch'
  | 'invalid_authority_key'
  | 'invalid_authority_signature'
  | 'malformed_authority_signature'
  | 'malformed_credential';
export type ApiErrorCode = EngineCode | ServerCode | NotificationCode | ConsoleCode | StaffAccountCode | BargainingCode | CampaignCode | FollowUpCode;

const NOTIFICATION_STATUS: { readonly [K in NotificationCode]: number } = {
  member_not_on_roll: 404, credential_handle_unknown: 404,
  vote_not_draft: 409, credentials_already_published: 409, credential_count_mismatch: 409, vote_not_open: 409,
  credential_already_revoked: 409, already_announced: 409, reminders_already_sent: 409,
  // Our own credentials failed the engine's checks: a bug, not the caller's fault.
  invalid_credential: 500, duplicate_credential: 500,
  secret_key_missing: 503, secret_key_mismatch: 503,
  // The vote's credential authority is the committee's offline key: the server cannot sign for it.
  credential_authority_offline: 409,
  // Server mode, but this server's RATIFY_SECRET_KEY does not give the key the manifest commits to.
  authority_key_unavailable: 503, authority_key_mismatch: 503, invalid_authority_key: 500,
  invalid_authority_signature: 400, malformed_authority_signature: 400, malformed_credential: 400,
};

const STATUS: { readonly [K in ApiErrorCode]: number } = {
  ...CONSOLE_STATUS,
  ...BARGAINING_STATUS,
  ...CAMPAIGN_STATUS,
  ...FOLLOW_UP_STATUS,
  ...NOTIFICATION_STATUS,
  ...STAFF_ACCOUNT_STATUS,
  // 400: the request itself is malformed or fails a check (nothing was changed).
  invalid_request: 400, invalid_json: 400, non_canonical: 400, schema_mismatch: 400, invalid_element: 400,
  identity: 400, non_canonical_scalar: 400, wrong_vote: 400, wrong_question_count: 400, wrong_question: 400,
  wrong_option_count: 400, invalid_choice_proof: 400, invalid_overall_proof: 400, invalid_signature: 400,
  bad_decryption_proof: 400, wrong_count: 400, unknown_trustee: 400,
  // 401 / 403: who is asking.
  not_signed_in: 401, invalid_code: 401, admin_token_required: 401,
  staff_sign_in_required: 401, invalid_credentials: 401, totp_required: 401, forbidden_role: 403, csrf_invalid: 403,
  not_eligible: 403, admin_token_invalid: 403, admin_disabled: 403, unknown_credential: 403, credential_revoked: 403, credential_not_yours: 403,
  // 404, 405
  method_not_allowed: 405,
  not_found: 404, vote_not_found: 404, result_not_published: 404, empty_board: 404,
  // 409: valid, but not now (the vote's state or an earlier submission).
  vote_closed: 409, duplicate_ballot: 409, already_voted: 409, invalid_transition: 409, no_credentials: 409,
  vote_not_closed: 409, tally_not_computed: 409, duplicate_partial_decryption: 409, not_enough_shares: 409,
  duplicate_trustee: 409,
  request_timeout: 408,
  too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  headers_too_large: 431,
  rate_limited: 429,
  // 500: our data or our code is wrong; the client learns nothing more.
  internal_error: 500, manifest_unreadable: 500, stored_ballot_unreadable: 500, count_out_of_range: 500, checker_failed: 500,
  invalid_counts: 500, counts_mismatch: 500, inconsistent_counts: 500,
};

const MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  ...CONSOLE_MESSAGES,
  ...STAFF_ACCOUNT_MESSAGES,
  ...BARGAINING_MESSAGES,
  ...CAMPAIGN_MESSAGES,
  ...FOLLOW_UP_MESSAGES,
  invalid_request: 'The request is not valid.',
  invalid_json: 'The body is not valid JSON.',
  not_found: 'No such route.',
  method_not_allowed: 'This route does not take that method (see the Allow header).',
  too_large: 'The request body is too large for this route.',
  uri_too_long: 'The request path is too long.',
  headers_too_large: 'The request headers are too large.',
  request_timeout: 'The request took too long to arrive.',
  unsupported_media_type: 'Send the body as application/json.',
  rate_limited: 'Too many attempts; wait and try again.',
  internal_error: 'Something went wrong on the server.',
  not_signed_in: 'Sign in first.',
  invalid_code: 'That code is wrong, used or expired; request a new one.',
  not_eligible: 'You are not on the roll of this vote.',
  result_not_published: 'The result has not been published yet.',
  admin_token_required: 'Sign in as an administrator, or send the admin token.',
  admin_token_invalid: 'The admin token is not valid.',
  admin_disabled: 'Admin routes are disabled (no RATIFY_ADMIN_TOKEN configured).',
  vote_not_found: 'No such vote.',
  vote_not_open: 'The vote is not open.',
  credentials_already_published: 'Credentials were already issued for this vote.',
  member_not_on_roll: 'That member is not eligible in this vote.',
  credential_handle_unknown: 'No credential of this vote issued to that member has that reference.',
  credential_already_revoked: 'That credential was already revoked.',
  already_announced: 'The result was already announced.',
  reminders_already_sent: 'Reminders were already sent for this vote; send { again: true } to send them again.',
  credential_authority_offline: "The election committee holds this vote's credential authority key: make the replacement offline with `ratify credentials replace` and upload the signed file.",
  authority_key_unavailable: "This server's RATIFY_SECRET_KEY does not give the credential authority key this vote's manifest commits to.",
  authority_key_mismatch: "This is not the vote's credential authority key.",
  invalid_authority_signature: "The replacement is not signed by this vote's credential authority.",
  malformed_authority_signature: 'The signature must be {challenge, response}, two 64-hex-digit scalars.',
  malformed_credential: 'A public credential is 64 hex digits.',
  secret_key_missing: 'This needs RATIFY_SECRET_KEY, which the server was started without; set it and restart.',
  secret_key_mismatch: "The account's authenticator secret was sealed under another RATIFY_SECRET_KEY than the server's; start the server with the key the account was created with.",
  staff_sign_in_required: 'Sign in with a staff account first.',
  invalid_credentials: 'Wrong username, password or authenticator code.',
  totp_required: 'Enter the code from your authenticator app.',
  forbidden_role: 'Your role may not do this.',
  csrf_invalid: 'Missing or wrong x-csrf-token header; sign in again if this persists.',
  vote_closed: 'The vote is not open.',
  duplicate_ballot: 'This ballot was already received.',
  already_voted: 'A ballot for this credential has already been counted.',
  unknown_credential: 'The ballot is not signed with a credential of this vote.',
  credential_not_yours: 'This credential was not issued to you: vote with the credential sent to you.',
};

export function statusOf(code: ApiErrorCode): number {
  return STATUS[code];
}

/**
 * The body for an expected failure; `detail` (from a Result) is shown only for 4xx answers. The
 * detail may hold what the caller sent (an id, a field): it is cut to 300 characters and every
 * control character, bidi control and lone surrogate in it becomes U+FFFD, so no answer echoes them.
 */
export function errorBody(code: ApiErrorCode, detail?: string): ErrorBody {
  // The one 5xx whose detail is shown: it names what the route could not do (no caller data in it).
  if (code === 'secret_key_missing' && detail !== undefined) {
    return { error: { code, message: `${echoSafe(detail)} needs RATIFY_SECRET_KEY, which the server was started without; set it and restart.` } };
  }
  const base = MESSAGES[code] ?? code.replaceAll('_', ' ');
  const showDetail = detail !== undefined && detail !== '' && statusOf(code) < 500;
  return { error: { code, message: showDetail ? `${base.replace(/\.$/, '')}: ${echoSafe(detail.slice(0, 300))}` : base } };
}

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(STATUS, code);
}
