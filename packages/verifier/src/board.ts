// Check `board_chain` (docs/record-format.md §1, §5.3; protocol §9): reads board.jsonl into events,
// checks every sequence number, `prevHash` link and event hash, and the order of event kinds. Every
// broken link is reported once at the event where it breaks (the walk re-synchronises on the claimed
// values), so a dropped, duplicated or reordered event or a changed payload is located precisely.
// Must not interpret payloads (model.ts does).
import { BOARD_EVENT_KINDS, type BoardEventKind, computeEventHash, GENESIS_HASH, toCanonical } from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import type { JsonLine } from './files.ts';
import { hasExactKeys, isCount, isHex, isObject, type JsonObject } from './json.ts';

export type BoardEventView = {
  readonly line: number;
  readonly seq: number;
  readonly kind: BoardEventKind;
  readonly payload: JsonObject;
  /** Canonical text of the payload: what the event hash covers. */
  readonly payloadText: string;
  readonly prevHash: string;
  readonly hash: string;
};

const FILE = 'board.jsonl';

/** Parses the lines that are well-formed events; the others are reported and left out. */
export function readBoardEvents(lines: readonly JsonLine[], findings: FindingCollector): BoardEventView[] {
  const events: BoardEventView[] = [];
  for (const { line, value } of lines) {
    if (value === undefined) {
      findings.add('board_chain', 'malformed_event', { file: FILE, line }, `line ${line} is not JSON`);
      continue;
    }
    const e = value;
    if (
      !hasExactKeys(e, ['hash', 'kind', 'payload', 'prevHash', 'seq']) ||
      !isHex(e.hash, 32) ||
      !isHex(e.prevHash, 32) ||
      !isCount(e.seq) ||
      !isObject(e.payload) ||
      typeof e.kind !== 'string' ||
      !(BOARD_EVENT_KINDS as readonly string[]).includes(e.kind)
    ) {
      findings.add('board_chain', 'malformed_event', { file: FILE, line }, `line ${line} is not a board event {hash, kind, payload, prevHash, seq}`);
      continue;
    }
    events.push({
      line,
      seq: e.seq,
      kind: e.kind as BoardEventKind,
      payload: e.payload,
      payloadText: toCanonical(e.payload),
      prevHash: e.prevHash,
      hash: e.hash,
    });
  }
  return events;
}

/** Checks sequence, links and hashes. Returns the recomputed hash of the last event (the head). */
export function checkChain(voteId: string, events: readonly BoardEventView[], findings: FindingCollector): string {
  let expectedSeq = 0;
  let prev = GENESIS_HASH;
  let head = GENESIS_HASH;
  for (const e of events) {
    const at = { file: FILE, line: e.line, seq: e.seq };
    if (e.seq !== expectedSeq) findings.add('board_chain', 'bad_sequence', at, `line ${e.line}: seq ${e.seq}, expected ${expectedSeq}`);
    if (e.prevHash !== prev) findings.add('board_chain', 'bad_prev_hash', at, `line ${e.line}: prevHash is not the hash of the event before`);
    head = computeEventHash(voteId, e.seq, e.prevHash, e.kind, e.payloadText);
    if (head !== e.hash) findings.add('board_chain', 'bad_hash', at, `line ${e.line}: the hash does not match the event (${e.kind})`);
    expectedSeq = e.seq + 1;
    prev = e.hash;
  }
  return head;
}

/** §1 order: rank of each kind; kinds of the same rank may repeat only where marked. */
const RANK: Readonly<Record<BoardEventKind, number>> = {
  vote_created: 0,
  trustees_published: 1,
  credentials_published: 2,
  vote_opened: 3,
  ballot_accepted: 4,
  ballot_superseded: 4,
  // Anywhere from the credentials' publication to the close (checked apart: it does not move the rank).
  credential_replaced: 2,
  vote_closed: 5,
  tally_computed: 6,
  partial_decryption: 7,
  result_published: 8,
};
const REPEATABLE: ReadonlySet<BoardEventKind> = new Set(['ballot_accepted', 'ballot_superseded', 'credential_replaced', 'partial_decryption']);

export function checkEventOrder(events: readonly BoardEventView[], findings: FindingCollector): void {
  let rank = -1;
  const seen = new Map<BoardEventKind, number>();
  for (const e of events) {
    const at = { file: FILE, line: e.line, seq: e.seq };
    const r = RANK[e.kind];
    const count = seen.get(e.kind) ?? 0;
    seen.set(e.kind, count + 1);
    if (e.kind === 'credential_replaced') {
      if (rank < RANK.credentials_published || rank >= RANK.vote_closed)
        findings.add('board_chain', 'bad_event_order', at, 'credential_replaced outside the time between credentials_published and vote_closed');
    } else if (count > 0 && !REPEATABLE.has(e.kind)) {
      findings.add('board_chain', 'duplicate_event', at, `a second ${e.kind} event`);
    } else if (r < rank) {
      findings.add('board_chain', 'bad_event_order', at, `${e.kind} after a later kind of event`);
    } else {
      rank = r;
    }
  }
  for (const kind of BOARD_EVENT_KINDS) {
    if (!REPEATABLE.has(kind) && !seen.has(kind)) findings.add('board_chain', 'missing_event', { file: FILE }, `no ${kind} event`);
  }
  const last = events[events.length - 1];
  if (last !== undefined && last.kind !== 'result_published' && seen.has('result_published')) {
    findings.add('board_chain', 'bad_event_order', { file: FILE, line: last.line, seq: last.seq }, 'result_published is not the last event');
  }
}
