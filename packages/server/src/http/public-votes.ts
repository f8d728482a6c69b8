// Public routes: votes, a vote, its board, turnout counts, result, record, ballot parameters.
import type { PublicVoteService } from '../services/public-votes.ts';
import type { RouteRegistrar } from './route-kit.ts';

export function publicVoteRoutes(route: RouteRegistrar, votes: PublicVoteService): void {
  route('listVotes', () => votes.list());
  route('getVote', ({ params }) => votes.detail(params.id));
  route('board', ({ params, query }) => votes.board(params.id, query));
  route('turnout', ({ params }) => votes.turnout(params.id));
  route('result', ({ params }) => votes.result(params.id));
  route('record', ({ params }) => votes.record(params.id));
  route('ballotParams', ({ params }) => votes.ballotParams(params.id));
}
