// Casting: the signed-in member must be on the vote's roll; the ballot (canonical JSON text, signed
// client-side with the voting credential the server never sees) goes to engine.castBallot, which
// refuses a credential not issued to this member (credential_not_yours), parses it strictly, checks
// every proof and the signature, and stores it with its board event. The answer carries the
// member's receipt. The server thereby learns which member cast which encrypted ballot (as in
// Belenios), never what it says.
import { type Result, err, ok } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import type { Engine } from '@ratify/engine';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import type { MemberSession } from '../http/route-kit.ts';
import type { MemberService } from './members.ts';

export function createBallotService(engine: Engine, members: MemberService) {
  async function cast(session: MemberSession, voteId: VoteId, ballotText: string): Promise<Result<ResponseOf<'castBallot'>, ApiErrorCode>> {
    const vote = await engine.store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const memberNumber = await members.eligibility(session, vote);
    if (!memberNumber.ok) return memberNumber;
    // Checked again inside the cast's transaction; this only spares the proof checks.
    if (vote.status !== 'open') return err('vote_closed', vote.status);
    // The credential's holder is checked against this member inside the cast's transaction.
    const cast = await engine.castBallot(voteId, ballotText, { memberNumber: memberNumber.value });
    if (!cast.ok) return cast;
    return ok({ voteId, trackingCode: cast.value.trackingCode, boardHead: cast.value.boardHead, receipt: cast.value.receipt });
  }
  return { cast };
}

export type BallotService = ReturnType<typeof createBallotService>;
