// The CPU-heavy part of receiving a ballot, shared by the inline path and the worker pool: strict
// parse (canonical bytes only), every proof and the signature, then the tracking code and the
// credential as stored. Pure apart from CPU.
import { type Group, type Result, ok, toHex } from '@ratify/crypto';
import { type BallotCheckError, type WireError, checkBallot, parseWireBallot, trackingCode } from '@ratify/protocol';
import type { VoteContext } from './vote-context.ts';

export type CheckedBallot = { readonly trackingCode: string; readonly credential: string };

export function checkBallotText(group: Group, ctx: VoteContext, text: string): Result<CheckedBallot, WireError | BallotCheckError> {
  const ballot = parseWireBallot(group, text);
  if (!ballot.ok) return ballot;
  const checked = checkBallot(ctx.ballotParams, ballot.value);
  if (!checked.ok) return checked;
  return ok({ trackingCode: trackingCode(group, ballot.value), credential: toHex(group.encodeElement(ballot.value.credential)) });
}
