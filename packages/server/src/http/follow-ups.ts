// Linked follow-up votes' routes. Thin: each handler calls one service.
import type { FollowUpService } from '../services/follow-ups.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

export function followUpRoutes(route: RouteRegistrar, followUps: FollowUpService): void {
  route('voteFollowUps', ({ params }) => followUps.forVote(asVoteId(params.id)));
  route('adminFollowUps', ({ params }) => followUps.links(asVoteId(params.id)));
  route('adminStartFollowUp', ({ params, body, session }) => followUps.start(asVoteId(params.id), body, session));
  route('adminDiscardFollowUp', ({ params }) => followUps.discard(asVoteId(params.id)));
}
