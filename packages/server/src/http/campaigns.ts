// Campaign routes: thin handlers over the campaign service. A committee's session picks its own
// vote and side; an administrator's actor name goes into what it decides.
import type { CampaignService } from '../services/campaigns.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

export function campaignRoutes(route: RouteRegistrar, campaigns: CampaignService): void {
  route('endorsementPages', ({ params }) => campaigns.pages(asVoteId(params.id)));
  route('endorsementPage', ({ params }) => campaigns.page(params.pageId));
  route('signEndorsement', ({ session, params, body }) => campaigns.sign(session, params.pageId, body));
  route('withdrawEndorsement', ({ session, params }) => campaigns.withdraw(session, params.pageId));
  route('mySignatures', ({ session }) => campaigns.mine(session));

  route('campaignMe', ({ session }) => campaigns.campaignMe(session));
  route('campaignCreatePage', ({ session, body }) => campaigns.campaignCreatePage(session, body));
  route('campaignSubmitAppeal', ({ session, body }) => campaigns.submitAppeal(session, body));
  route('campaignAppeals', ({ session }) => campaigns.campaignAppeals(session));

  route('adminCreateEndorsementPage', ({ params, body, session }) => campaigns.adminCreatePage(asVoteId(params.id), body, session));
  route('adminCreateCommittee', ({ params, body }) => campaigns.createCommittee(asVoteId(params.id), body));
  route('adminCommittees', ({ params }) => campaigns.committees(asVoteId(params.id)));
  route('adminAppeals', ({ params }) => campaigns.appeals(asVoteId(params.id)));
  route('adminApproveAppeal', ({ params, session }) => campaigns.approve(params.appealId, session));
  route('adminRejectAppeal', ({ params, body, session }) => campaigns.reject(params.appealId, body.reason, session));
  route('appealRecord', ({ params }) => campaigns.record(params.appealId));
}
