// Reads what the certified result report prints out of a record's authoritative file, board.jsonl
// (docs/record-format.md §1): the manifest, the result, when the vote closed, the board head and the
// record digest. It checks the hash chain (protocol §B3) and parses the manifest strictly, so a
// report is never printed from a board that does not hold together; the full cryptographic check is
// `ratify verify` (the CLI runs it before it prints). Pure: no I/O, no clocks.
import { type Result, err, ok, sha256Hex, utf8 } from '@ratify/crypto';
import {
  type BoardEvent, type BoardEventKind, BOARD_EVENT_KINDS, type Manifest, electionFingerprintHex, parseWireManifest, toCanonical, verifyChain,
  type CanonicalValue,
} from '@ratify/protocol';
import { type PublishedResult, publishedResultSchema } from './published-result.ts';

export type RecordSummary = {
  readonly manifest: Manifest;
  readonly result: PublishedResult;
  /** `vote_closed.at`: also the report's fixed creation date. */
  readonly closedAt: string;
  readonly boardHead: string;
  readonly events: number;
  readonly fingerprint: string;
  /** SHA-256 (lowercase hex) of the exact bytes of board.jsonl: the record's digest. */
  readonly recordDigest: string;
};

export type RecordSummaryError = 'not_a_board' | 'board_chain' | 'bad_manifest' | 'no_result' | 'bad_result';

type Line = { hash?: unknown; kind?: unknown; payload?: unknown; prevHash?: unknown; seq?: unknown };

/** The digest printed on the report and carried by its QR code: SHA-256 of board.jsonl as stored. */
export function recordDigest(boardJsonl: string): string {
  return sha256Hex(utf8(boardJsonl));
}

export function summarizeRecord(boardJsonl: string): Result<RecordSummary, RecordSummaryError> {
  if (boardJsonl.length === 0 || !boardJsonl.endsWith('\n')) return err('not_a_board', 'board.jsonl must hold one event per line, each ending in a newline');
  const events: BoardEvent[] = [];
  const payloads: Record<string, CanonicalValue>[] = [];
  const lines = boardJsonl.slice(0, -1).split('\n');
  for (const [i, text] of lines.entries()) {
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      return err('not_a_board', `line ${i + 1} is not JSON`);
    }
    const { hash, kind, payload, prevHash, seq } = line;
    if (typeof hash !== 'string' || typeof prevHash !== 'string' || typeof seq !== 'number' || typeof kind !== 'string' || typeof payload !== 'object' || payload === null)
      return err('not_a_board', `line ${i + 1} is not a board event`);
    if (!(BOARD_EVENT_KINDS as readonly string[]).includes(kind)) return err('not_a_board', `line ${i + 1}: unknown event kind ${kind}`);
    payloads.push(payload as Record<string, CanonicalValue>);
    events.push({ seq, kind: kind as BoardEventKind, payload: toCanonical(payload as CanonicalValue), prevHash, hash });
  }
  const first = payloads[0];
  if (events[0]?.kind !== 'vote_created' || first === undefined) return err('not_a_board', 'the board does not start with vote_created');
  const manifest = parseWireManifest(toCanonical(first['manifest'] ?? null));
  if (!manifest.ok) return err('bad_manifest', manifest.detail ?? manifest.error);
  const chain = verifyChain(manifest.value.voteId, events);
  if (!chain.ok) return err('board_chain', `${chain.error}: ${chain.detail ?? ''}`);
  const at = (kind: BoardEventKind) => events.findIndex((e) => e.kind === kind);
  const resultAt = at('result_published');
  const closedAt = at('vote_closed');
  if (resultAt < 0 || closedAt < 0) return err('no_result', 'the board has no published result yet');
  const result = publishedResultSchema.safeParse(payloads[resultAt]!['result']);
  if (!result.success) return err('bad_result', result.error.message);
  const closed = payloads[closedAt]!['at'];
  if (typeof closed !== 'string') return err('not_a_board', 'vote_closed has no time');
  return ok({
    manifest: manifest.value,
    result: result.data,
    closedAt: closed,
    boardHead: chain.value.head,
    events: events.length,
    fingerprint: electionFingerprintHex(manifest.value),
    recordDigest: recordDigest(boardJsonl),
  });
}
