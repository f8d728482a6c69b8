// Checks `partial_decryptions` (§5.11, threshold.md §T7) and the combination step of `decryption`
// (§5.12, §T8–T9): each partial decryption parses, comes from a distinct trustee of the manifest and
// its proofs verify against that trustee's public key share G_ℓ = Π_i Π_j K_{i,j}^{ℓ^j}, computed
// from the manifest's commitments, under the election fingerprint; at least k are valid. The first
// k valid ones are combined and the counts recovered by discrete log. Must not judge the result
// object (check-result.ts compares it with these counts).
import {
  combinePartialDecryptions,
  createDlogTable,
  discreteLog,
  evaluateCommitments,
  fromHex,
  type Group,
  type GroupElement,
  type VerifiedPartialDecryption,
  verifyPartialDecryption,
} from '@ratify/crypto';
import { type EncryptedTally, parseWirePartialDecryption, toCanonical } from '@ratify/protocol';
import type { ManifestContext } from './check-manifest.ts';
import type { FindingCollector } from './collector.ts';
import type { BoardModel } from './model.ts';

export type DecryptionSummary = {
  /** Trustees whose partial decryption verified, in board order. */
  readonly validTrustees: readonly number[];
  /** Decrypted counts per question and option, when k valid partial decryptions exist. */
  readonly counts?: readonly (readonly number[])[];
};

function publicKeyShares(group: Group, ctx: ManifestContext): GroupElement[] | undefined {
  const commitments: GroupElement[][] = [];
  for (const member of ctx.manifest.trustees.members) {
    const row: GroupElement[] = [];
    for (const hex of member.commitments) {
      const point = group.decodeElement(fromHex(hex) ?? new Uint8Array(0));
      if (!point.ok) return undefined;
      row.push(point.value);
    }
    commitments.push(row);
  }
  return commitments.map((_, l) =>
    commitments.reduce((acc, row) => group.add(acc, evaluateCommitments(group, row, l + 1)), group.identity),
  );
}

export function checkDecryptions(
  group: Group,
  model: BoardModel,
  ctx: ManifestContext | undefined,
  tally: EncryptedTally | undefined,
  countBound: number,
  findings: FindingCollector,
): DecryptionSummary {
  const shares = ctx && publicKeyShares(group, ctx);
  if (ctx === undefined || shares === undefined || tally === undefined) {
    const why = ctx === undefined || shares === undefined ? 'the manifest or its commitments are unusable' : 'the published tally is unusable';
    findings.skip('partial_decryptions', why);
    findings.skip('decryption', why);
    return { validTrustees: [] };
  }
  const { manifest } = ctx;
  const ciphertexts = tally.flat();
  const place = (index: number) => {
    let rest = index;
    for (const [q, row] of tally.entries()) {
      if (rest < row.length) return { question: manifest.questions[q]!.id, option: rest };
      rest -= row.length;
    }
    return {};
  };
  const valid: VerifiedPartialDecryption[] = [];
  const seen = new Set<number>();
  for (const entry of model.partials) {
    const at = { file: 'board.jsonl', line: entry.line, seq: entry.seq };
    const parsed = parseWirePartialDecryption(group, toCanonical(entry.value));
    if (!parsed.ok) {
      findings.add('partial_decryptions', parsed.error, at, parsed.detail ?? parsed.error);
      continue;
    }
    const l = parsed.value.trustee;
    const trusteeAt = { ...at, trustee: l };
    if (l > shares.length) {
      findings.add('partial_decryptions', 'unknown_trustee', trusteeAt, `trustee ${l} is not in the manifest`);
      continue;
    }
    if (seen.has(l)) {
      findings.add('partial_decryptions', 'duplicate_trustee', trusteeAt, `a second partial decryption from trustee ${l}`);
      continue;
    }
    seen.add(l);
    const verified = verifyPartialDecryption(group, parsed.value, shares[l - 1]!, ciphertexts, ctx.fingerprint);
    if (verified.ok) valid.push(verified.value);
    else findings.add('partial_decryptions', verified.error, { ...trusteeAt, ...(verified.item !== undefined && place(verified.item)) }, verified.detail ?? verified.error);
  }
  const k = manifest.trustees.threshold;
  const validTrustees = valid.map((p) => p.trustee);
  if (valid.length < k) {
    findings.add('partial_decryptions', 'not_enough_partial_decryptions', { file: 'board.jsonl' }, `${valid.length} valid partial decryptions from distinct trustees, ${k} needed`);
    findings.skip('decryption', `fewer than ${k} valid partial decryptions`);
    return { validTrustees };
  }
  const combined = combinePartialDecryptions(group, ciphertexts, valid.slice(0, k), k);
  if (!combined.ok) throw new Error(`combining verified partial decryptions failed: ${combined.error}`);
  const table = createDlogTable(group, countBound);
  const flat = combined.value.map((element, index) => {
    const m = discreteLog(table, element);
    if (m.ok) return m.value;
    findings.add('decryption', 'dlog_out_of_range', { file: 'board.jsonl', ...place(index) }, `the decrypted count is not in [0, ${countBound}]`);
    return undefined;
  });
  if (flat.some((m) => m === undefined)) return { validTrustees };
  let offset = 0;
  const counts = tally.map((row) => {
    const out = flat.slice(offset, offset + row.length) as number[];
    offset += row.length;
    return out;
  });
  return { validTrustees, counts };
}
