// Maps API failure codes to the words a member reads. Unknown codes fall back to a generic message
// with the code shown, so support can still help.
import type { ApiFailure } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  network_error: 'error.network',
  not_signed_in: 'error.not_signed_in',
  invalid_code: 'error.invalid_code',
  rate_limited: 'error.rate_limited',
  vote_not_found: 'error.vote_not_found',
  vote_closed: 'error.vote_closed',
  not_eligible: 'error.not_eligible',
  unknown_credential: 'error.unknown_credential',
  credential_revoked: 'error.credential_revoked',
  already_voted: 'error.already_voted',
  duplicate_ballot: 'error.duplicate_ballot',
  result_not_published: 'error.result_not_published',
  invalid_request: 'error.invalid_request',
};

export function describeFailure(t: Translate, failure: Pick<ApiFailure, 'code'>): string {
  const key = KNOWN[failure.code];
  return key ? t(key) : t('error.generic', { code: failure.code });
}
