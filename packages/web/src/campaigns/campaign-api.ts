// The words of the campaign pages: the campaign failure codes and the sides. The pages call public
// and member routes through api.ts and staff routes through staff/staff-api.ts.
// Must not import server internals.
import type { ApiFailure } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';
import { describeFailure } from '../ui/errors.ts';

const CAMPAIGN_CODES: Readonly<Record<string, MessageKey>> = {
  already_signed: 'campaign.error.already_signed',
  not_signed: 'campaign.error.not_signed',
  page_not_found: 'campaign.error.page_not_found',
  appeal_quota_reached: 'campaign.error.appeal_quota_reached',
  appeal_not_pending: 'campaign.error.appeal_not_pending',
  campaign_closed: 'campaign.error.campaign_closed',
  not_a_committee: 'campaign.error.not_a_committee',
  not_eligible: 'campaign.error.not_eligible',
};

/** Campaign codes in the reader's language; an invalid form shows the server's field message too. */
export function describeCampaignFailure(t: Translate, failure: Pick<ApiFailure, 'code' | 'message'>): string {
  const key = CAMPAIGN_CODES[failure.code];
  if (key) return t(key);
  if (failure.code === 'invalid_request') return `${t('error.invalid_request')} (${failure.message.replace(/^[^:]*:\s*/, '')})`;
  return describeFailure(t, failure);
}

export type Side = 'for' | 'against';
export const sideKey = (side: Side): MessageKey => (side === 'for' ? 'campaign.side.for' : 'campaign.side.against');
