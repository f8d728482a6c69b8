// The public board: an append-only, hash-chained event log (docs/protocol.md §B3). Each event commits
// to its predecessor, so every later event commits to every earlier one; the head hash is shown on
// the results page. Storage appends events under a transaction; this module only computes and checks.
import { type Result, err, fromHex, hashItems, ok, toHex, u64be, utf8 } from '@ratify/crypto';

export const BOARD_EVENT_KINDS = [
  'vote_created',
  'trustees_published',
  'credentials_published',
  'vote_opened',
  'ballot_accepted',
  'ballot_superseded',
  'credential_replaced',
  'vote_closed',
  'tally_computed',
  'partial_decryption',
  'result_published',
] as const;
export type BoardEventKind = (typeof BOARD_EVENT_KINDS)[number];

/** 32 zero bytes: the predecessor of event 0. */
export const GENESIS_HASH = '0'.repeat(64);

export type BoardEvent = {
  readonly seq: number;
  readonly kind: BoardEventKind;
  /** Canonical JSON text of the payload (codec/canonical-json.ts). */
  readonly payload: string;
  readonly prevHash: string;
  readonly hash: string;
};

/** hash_n = first 32 bytes of SHA-512(items: vote, seq, prev, kind, payload), lowercase hex. */
export function computeEventHash(voteId: string, seq: number, prevHash: string, kind: BoardEventKind, payload: string): string {
  const prev = fromHex(prevHash);
  if (!prev || prev.length !== 32) throw new Error('bad previous hash');
  const h = hashItems('ratify/v2/board-event', [
    ['vote', utf8(voteId)],
    ['seq', u64be(seq)],
    ['prev', prev],
    ['kind', utf8(kind)],
    ['payload', utf8(payload)],
  ]);
  return toHex(h.subarray(0, 32));
}

export function makeEvent(voteId: string, head: { seq: number; hash: string } | undefined, kind: BoardEventKind, payload: string): BoardEvent {
  const seq = head ? head.seq + 1 : 0;
  const prevHash = head ? head.hash : GENESIS_HASH;
  return { seq, kind, payload, prevHash, hash: computeEventHash(voteId, seq, prevHash, kind, payload) };
}

export type ChainError = 'bad_sequence' | 'bad_prev_hash' | 'bad_hash' | 'unknown_kind';

/** Checks the whole chain; the failing event's index is in `detail`. */
export function verifyChain(voteId: string, events: readonly BoardEvent[]): Result<{ readonly head: string }, ChainError> {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i) return err('bad_sequence', `event ${i}: seq ${e.seq}`);
    if (!(BOARD_EVENT_KINDS as readonly string[]).includes(e.kind)) return err('unknown_kind', `event ${i}`);
    if (e.prevHash !== prev) return err('bad_prev_hash', `event ${i}`);
    if (computeEventHash(voteId, e.seq, e.prevHash, e.kind, e.payload) !== e.hash) return err('bad_hash', `event ${i}`);
    prev = e.hash;
  }
  return ok({ head: prev });
}
