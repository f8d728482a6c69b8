// Campaign routes (docs/campaigns.md): public endorsement pages with their count and list, member
// signatures (after the one-time-code sign-in), the campaign committee's own routes (its vote and
// side come from its account, never from the request), and the administrators' and observers'
// routes for committees, pages and appeals. Spread into ROUTES by routes.ts.
import * as c from './campaign-schemas.ts';
import type { RouteSpec } from './routes.ts';
import * as s from './schemas.ts';
import { STAFF_AUTH_ERRORS as AUTH } from './route-errors.ts';

const vote = s.voteIdParamsSchema;
const page = c.pageIdParamsSchema;
const appeal = c.appealIdParamsSchema;
const CAMPAIGN = [...AUTH, 'not_a_committee'] as const;

export const CAMPAIGN_ROUTES = {
  endorsementPages: {
    method: 'GET', path: '/api/votes/:id/endorsement-pages', role: 'public', summary: "A vote's endorsement pages with their signature counts",
    params: vote, status: 200, response: c.endorsementPageListSchema, errors: ['vote_not_found'],
  },
  endorsementPage: {
    method: 'GET', path: '/api/endorsement-pages/:pageId', role: 'public', summary: 'An endorsement page, its count and its endorsers (shown name and role only)',
    params: page, status: 200, response: c.endorsementPageDetailSchema, errors: ['page_not_found'],
  },
  signEndorsement: {
    method: 'POST', path: '/api/endorsement-pages/:pageId/signature', role: 'member',
    summary: "Sign an endorsement page as a verified member of the vote's roll (shown name defaults to the roll name; optional role)",
    params: page, body: c.signEndorsementBodySchema, status: 201, response: c.signedSchema, errors: ['not_signed_in', 'page_not_found', 'not_eligible', 'already_signed', 'campaign_closed'],
  },
  withdrawEndorsement: {
    method: 'POST', path: '/api/endorsement-pages/:pageId/withdraw', role: 'member', summary: 'Withdraw your signature from an endorsement page',
    params: page, status: 200, response: c.withdrawnSchema, errors: ['not_signed_in', 'page_not_found', 'not_signed'],
  },
  mySignatures: {
    method: 'GET', path: '/api/me/endorsements', role: 'member', summary: 'The endorsement pages you have signed',
    status: 200, response: c.mySignaturesSchema, errors: ['not_signed_in'],
  },
  campaignMe: {
    method: 'GET', path: '/api/campaign/me', role: 'campaign', summary: 'The signed-in committee: its vote, side, name, and its appeals quota',
    status: 200, response: c.campaignMeSchema, errors: [...CAMPAIGN],
  },
  campaignCreatePage: {
    method: 'POST', path: '/api/campaign/endorsement-pages', role: 'campaign', summary: "Create an endorsement page for the committee's own vote and side",
    body: c.campaignPageBodySchema, status: 201, response: c.endorsementPageSchema, errors: [...CAMPAIGN, 'vote_not_found'],
  },
  campaignSubmitAppeal: {
    method: 'POST', path: '/api/campaign/appeals', role: 'campaign', summary: 'Submit an appeal to the roll (subject and body, English and optionally Spanish) for an administrator to approve',
    body: c.appealBodySchema, status: 201, response: c.appealSchema, errors: [...CAMPAIGN, 'vote_not_found', 'campaign_closed', 'appeal_quota_reached'],
  },
  campaignAppeals: {
    method: 'GET', path: '/api/campaign/appeals', role: 'campaign', summary: "The committee's own appeals with their status and delivery counts (never addresses)",
    status: 200, response: c.appealListSchema, errors: [...CAMPAIGN],
  },
  adminCreateEndorsementPage: {
    method: 'POST', path: '/api/admin/votes/:id/endorsement-pages', role: 'admin', summary: 'Create an endorsement page for a side of a vote (audited)',
    params: vote, body: c.endorsementPageBodySchema, status: 201, response: c.endorsementPageSchema, errors: [...AUTH, 'vote_not_found'],
  },
  adminCreateCommittee: {
    method: 'POST', path: '/api/admin/votes/:id/committees', role: 'admin', summary: 'Create a campaign committee: a staff account of role campaign bound to this vote and one side (audited)',
    params: vote, body: c.createCommitteeBodySchema, status: 201, response: c.committeeSchema, errors: [...AUTH, 'vote_not_found', 'duplicate_username', 'invalid_username', 'weak_password'],
  },
  adminCommittees: {
    method: 'GET', path: '/api/admin/votes/:id/committees', role: 'observer', summary: "A vote's campaign committees",
    params: vote, status: 200, response: c.committeeListSchema, errors: [...AUTH, 'vote_not_found'],
  },
  adminAppeals: {
    method: 'GET', path: '/api/admin/votes/:id/appeals', role: 'observer', summary: "Every appeal of a vote, both sides, with status and delivery counts",
    params: vote, status: 200, response: c.appealListSchema, errors: [...AUTH, 'vote_not_found'],
  },
  adminApproveAppeal: {
    method: 'POST', path: '/api/admin/appeals/:appealId/approve', role: 'admin',
    summary: "Approve an appeal within its side's quota: queues it to every eligible member of the frozen roll, sealed, in the shared template (audited)",
    params: appeal, status: 200, response: c.appealSchema, errors: [...AUTH, 'secret_key_missing', 'appeal_not_found', 'appeal_not_pending', 'appeal_quota_reached', 'campaign_closed'],
  },
  adminRejectAppeal: {
    method: 'POST', path: '/api/admin/appeals/:appealId/reject', role: 'admin', summary: 'Reject an appeal with a reason the committee sees (audited)',
    params: appeal, body: c.rejectAppealBodySchema, status: 200, response: c.appealSchema, errors: [...AUTH, 'appeal_not_found', 'appeal_not_pending'],
  },
  appealRecord: {
    method: 'GET', path: '/api/admin/appeals/:appealId/record', role: 'observer',
    summary: 'What an appeal sent to whom and when: its text, approver, time, recipients, and each delivery by member number',
    params: appeal, status: 200, response: c.appealRecordSchema, errors: [...AUTH, 'appeal_not_found'],
  },
} as const satisfies Record<string, RouteSpec>;

/** The appeal body may be long (two languages). */
export const CAMPAIGN_BODY_LIMITS = { campaignSubmitAppeal: 64 * 1024 } as const;
