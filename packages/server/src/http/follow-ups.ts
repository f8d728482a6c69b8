// Linked follow-up votes' routes. Thin: each handler calls one service.
import type { FollowUpService } from '../services/follow-ups.ts';
import type { RouteRegistrar } from './route-kit.ts';

export function followUpRoutes(route: RouteRegistrar, followUps: FollowUpService): void {
  route('voteFollowUps', ({ params }) => followUps.forVote(params.id));
  route('adminFollowUps', ({ params }) => followUps.links(params.id));
  route('adminStartFollowUp', ({ params, body, session }) => followUps.start(params.id, body, session));
  route('adminDiscardFollowUp', ({ params }) => followUps.discard(params.id));
}
