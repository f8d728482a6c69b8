// Public routes: votes, a vote, its board, turnout counts, result, record, ballot parameters.
import type { PublicVoteService } from '../services/public-votes.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

export function publicVoteRoutes(route: RouteRegistrar, votes: PublicVoteService): void {
  route('listVotes', () => votes.list());
  route('getVote', ({ params }) => votes.detail(asVoteId(params.id)));
  route('board', ({ params, query }) => votes.board(asVoteId(params.id), query));
  route('turnout', ({ params }) => votes.turnout(asVoteId(params.id)));
  route('result', ({ params }) => votes.result(asVoteId(params.id)));
  route('record', ({ params }) => votes.record(asVoteId(params.id)));
  route('ballotParams', ({ params }) => votes.ballotParams(asVoteId(params.id)));
  route('credentialBucket', ({ params, query }) => votes.credentialBucket(asVoteId(params.id), query.prefix));
}
