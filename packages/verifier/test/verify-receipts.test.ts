// Forgery class 5 of issue 12 and the `receipts` check (docs/record-format.md §7). A server drops
// one member's accepted ballot and rebuilds everything consistently with the project's own code:
// the hash chain, the extracts, record.json, the closing counts, the encrypted tally, the trustees'
// partial decryptions (valid proofs: the trustees decrypt whatever tally they are shown) and the
// result. Without receipts the forgery verifies — the board cannot show what is not on it. With
// the member's receipt, `receipts` fails naming the finding; the honest record passes with it.
import { toHex, unwrap } from '@ratify/crypto';
import { RECEIPT_FORMAT, type Receipt, parseReceiptFile, toWireReceipt } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import type { GivenReceipt } from '../src/index.ts';
import { codes, failed, verify } from './helpers.ts';
import { dropBallotAndRebuild } from './forge-drop.ts';
import { type BuiltVote, buildVote, editableEntries, writeRecord } from './record-builder.ts';

const vote = buildVote({ seed: 'receipts', chooseQuestion: false });

type Line = { seq: number; kind: string; hash: string; payload: { trackingCode?: string } };
const lines = (files: Record<string, string>): Line[] => files['board.jsonl']!.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

/** The receipts the server handed out when it accepted each ballot (read off the honest board). */
function receiptsOf(built: BuiltVote): Receipt[] {
  return lines(built.files)
    .filter((e) => e.kind === 'ballot_accepted')
    .map((e) => ({ format: RECEIPT_FORMAT, voteId: built.manifest.voteId, fingerprint: toHex(built.fingerprint), trackingCode: e.payload.trackingCode!, boardSeq: e.seq, boardHash: e.hash }));
}
const given = (receipts: readonly Receipt[], file = 'receipts.jsonl'): GivenReceipt[] => receipts.map((receipt, i) => ({ receipt, file, index: i + 1 }));

describe('receipts', () => {
  const receipts = receiptsOf(vote);
  const victim = receipts[0]!;

  it('the honest record holds every receipt as it says', async () => {
    const report = await verify(vote.files, { receipts: given(receipts) });
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.receipts).toEqual({ checked: receipts.length, found: receipts.length });
    expect(report.checks.find((c) => c.name === 'receipts')?.status).toBe('passed');
  });

  it('without receipts the check is not in the report', async () => {
    const report = await verify(vote.files);
    expect(report.checks.map((c) => c.name)).not.toContain('receipts');
    expect(report.receipts).toBeUndefined();
  });

  it('forgery class 5: a ballot dropped, everything rebuilt — verifies without receipts, fails with the member\'s', async () => {
    const forged = dropBallotAndRebuild(vote, victim.trackingCode);
    // The forgery is consistent: every check of the record itself passes.
    const plain = await verify(forged);
    expect(failed(plain)).toEqual([]);
    expect(plain.ballots.accepted).toBe(receipts.length - 1);
    // The member's receipt catches it, by name.
    const report = await verify(forged, { receipts: given([victim]) });
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['receipts']);
    expect(codes(report, 'receipts')).toEqual(['receipt_ballot_missing']);
    expect(report.checks.find((c) => c.name === 'receipts')!.findings[0]!.location).toEqual({ file: 'receipts.jsonl', line: 1, seq: victim.boardSeq });
    // Any later member's receipt catches it too: their ballot moved.
    const later = await verify(forged, { receipts: given([receipts[3]!]) });
    expect(codes(later, 'receipts')).toEqual(['receipt_position_mismatch']);
  });

  it('a board rewritten before the ballot (same position, other chain) fails with receipt_hash_mismatch', async () => {
    const entries = editableEntries(vote.entries);
    const opened = entries.find((e) => e.kind === 'vote_opened')!;
    opened.payload.at = '2024-03-10T14:00:01Z';
    const report = await verify(writeRecord(entries), { receipts: given([victim]) });
    expect(codes(report, 'receipts')).toEqual(['receipt_hash_mismatch']);
  });

  it('a receipt of another vote or manifest is named as such', async () => {
    const other = await verify(vote.files, { receipts: given([{ ...victim, voteId: 'another-vote' }, { ...victim, fingerprint: 'ab'.repeat(64) }]) });
    expect(codes(other, 'receipts')).toEqual(['receipt_other_vote', 'receipt_other_vote']);
  });
});

describe('receipt files', () => {
  const [a, b] = receiptsOf(vote);
  it('reads one receipt, an array, or JSON lines — and nothing else', () => {
    expect(unwrap(parseReceiptFile(toWireReceipt(a!))).map((e) => e.receipt)).toEqual([a]);
    expect(unwrap(parseReceiptFile(JSON.stringify([a, b], null, 2))).map((e) => e.index)).toEqual([1, 2]);
    expect(unwrap(parseReceiptFile(`${toWireReceipt(a!)}\n\n${toWireReceipt(b!)}\n`)).map((e) => e.receipt)).toEqual([a, b]);
    expect(parseReceiptFile('')).toMatchObject({ ok: false, error: 'no_receipts' });
    expect(parseReceiptFile('[]')).toMatchObject({ ok: false, error: 'no_receipts' });
    expect(parseReceiptFile(`${toWireReceipt(a!)}\nnot json`)).toMatchObject({ ok: false, error: 'not_a_receipt', detail: 'line 2 is not JSON' });
    for (const bad of [{ ...a, extra: 1 }, { ...a, boardSeq: -1 }, { ...a, boardSeq: 1.5 }, { ...a, boardHash: 'AB'.repeat(32) }, { ...a, trackingCode: 'ab' }, { ...a, format: 'ratify-receipt/v0' }, { ...a, voteId: 'Not A Slug' }, { ...a, fingerprint: 'ab'.repeat(32) }]) {
      expect(parseReceiptFile(JSON.stringify(bad))).toMatchObject({ ok: false, error: 'not_a_receipt' });
    }
  });
});
