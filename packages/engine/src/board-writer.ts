// Appending protocol board events through the Store: the one place that adapts the protocol's hash
// function to the Store's ComputeHash callback. Must not decide which events happen (services do).
import { type BoardEventKind, GENESIS_HASH, computeEventHash, toCanonical, type CanonicalValue } from '@ratify/protocol';
import type { VoteId } from '@ratify/protocol';
import type { BoardEventInput, ComputeHash } from '@ratify/storage';

export function hasherFor(voteId: VoteId): ComputeHash {
  return (input) => computeEventHash(voteId, input.seq, input.prevHash ?? GENESIS_HASH, input.kind as BoardEventKind, input.payload);
}

export function eventInput(kind: BoardEventKind, payload: { readonly [key: string]: CanonicalValue }): BoardEventInput {
  return { kind, payload: toCanonical(payload) };
}
