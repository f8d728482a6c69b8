// Check `receipts` (docs/record-format.md §7): each receipt a member kept when their ballot was
// accepted must find that ballot on this board, at that position, with that chain hash. This is
// what catches a server that dropped a ballot and rebuilt everything else consistently: the board
// alone cannot show a ballot that is not on it. Runs only when receipts are given. The hashes
// compared are the recomputed ones (protocol §B3), never the record's claims.
import { checkReceipt, computeEventHash, type ReceiptBoardEvent } from '@ratify/protocol';
import type { BoardEventView } from './board.ts';
import type { FindingCollector } from './collector.ts';
import type { GivenReceipt } from './types.ts';

export type ReceiptsSummary = { readonly checked: number; readonly found: number };

export function checkReceipts(
  voteId: string,
  fingerprint: string | undefined,
  events: readonly BoardEventView[],
  receipts: readonly GivenReceipt[],
  findings: FindingCollector,
): ReceiptsSummary {
  const board: ReceiptBoardEvent[] = events.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    hash: computeEventHash(voteId, e.seq, e.prevHash, e.kind, e.payloadText),
    ...(e.kind === 'ballot_accepted' && typeof e.payload.trackingCode === 'string' ? { trackingCode: e.payload.trackingCode } : {}),
  }));
  let found = 0;
  for (const given of receipts) {
    const r = checkReceipt(given.receipt, { voteId, fingerprint: fingerprint ?? '', events: board });
    if (r.ok) found += 1;
    else findings.add('receipts', r.error, { file: given.file, line: given.index, seq: given.receipt.boardSeq }, `${given.file} receipt ${given.index}: ${r.detail ?? r.error}`);
  }
  return { checked: receipts.length, found };
}
