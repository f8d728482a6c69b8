// Casting: the signed-in member must be on the vote's roll; the ballot (canonical JSON text, signed
// client-side with the voting credential the server never sees) goes to engine.castBallot, which
// parses it strictly, checks every proof and the signature, and stores it with its board event.
// With it, in the same transaction, only "this member submitted a ballot" is recorded — never which ballot.
import { type Result, err, ok } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import type { MemberSession } from '../http/route-kit.ts';
import type { MemberService } from './members.ts';

export function createBallotService(engine: Engine, members: MemberService) {
  async function cast(session: MemberSession, voteId: string, ballotText: string): Promise<Result<ResponseOf<'castBallot'>, ApiErrorCode>> {
    const vote = await engine.store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const memberNumber = await members.eligibility(session, vote);
    if (!memberNumber.ok) return memberNumber;
    // Checked again inside the cast's transaction; this only spares the proof checks.
    if (vote.status !== 'open') return err('vote_closed', vote.status);
    // The participation mark is written in the cast's own transaction.
    const cast = await engine.castBallot(voteId, ballotText, { memberNumber: memberNumber.value });
    if (!cast.ok) return cast;
    return ok({ voteId, trackingCode: cast.value.trackingCode, boardHead: cast.value.boardHead });
  }
  return { cast };
}

export type BallotService = ReturnType<typeof createBallotService>;
