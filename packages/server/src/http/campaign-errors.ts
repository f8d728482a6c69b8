// Campaigns' result codes and their HTTP statuses, spread into errors.ts's one table (so the mapper
// stays exhaustive and single) but kept beside the feature that answers with them.
export const CAMPAIGN_STATUS = {
  invalid_username: 400, weak_password: 400,
  // 403: a campaign account that is not (or no longer) bound to a committee.
  not_a_committee: 403,
  page_not_found: 404, appeal_not_found: 404,
  already_signed: 409, not_signed: 409, duplicate_username: 409, appeal_not_pending: 409, appeal_quota_reached: 409, campaign_closed: 409,
} as const;

export type CampaignCode = keyof typeof CAMPAIGN_STATUS;

export const CAMPAIGN_MESSAGES: Partial<Record<CampaignCode, string>> = {
  not_a_committee: 'This account is not bound to a campaign committee',
  page_not_found: 'No such endorsement page',
  appeal_not_found: 'No such appeal',
  already_signed: 'You have already signed this page',
  not_signed: 'You have not signed this page',
  appeal_not_pending: 'This appeal has already been decided',
  appeal_quota_reached: 'Equal terms: this side has used every appeal it may send in this vote',
  campaign_closed: 'The campaign is over: the vote is closed',
  duplicate_username: 'That username is taken',
};
