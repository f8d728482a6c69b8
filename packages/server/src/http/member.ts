// Member routes: who am I (and my votes), and casting a ballot.
import type { BallotService } from '../services/ballots.ts';
import type { MemberService } from '../services/members.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

export function memberRoutes(route: RouteRegistrar, members: MemberService, ballots: BallotService): void {
  route('me', ({ session }) => members.me(session));
  route('castBallot', ({ session, params, body }) => ballots.cast(session, asVoteId(params.id), body));
}
