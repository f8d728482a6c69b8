// Check `tally` (§5.10, protocol §10): the published encrypted tally parses strictly, has the
// manifest's shape, and equals the product of the counted ballots' ciphertexts (summed while the
// ballots were checked). Returns the published tally for the partial-decryption checks.
// Must not decrypt anything.
import { ciphertextEquals, type Group } from '@ratify/crypto';
import { type EncryptedTally, parseWireEncryptedTally, toCanonical } from '@ratify/protocol';
import type { BallotsSummary } from './check-ballots.ts';
import type { ManifestContext } from './check-manifest.ts';
import type { FindingCollector } from './collector.ts';
import type { BoardModel } from './model.ts';

export function checkTallyEvent(
  group: Group,
  model: BoardModel,
  ctx: ManifestContext | undefined,
  ballots: BallotsSummary | undefined,
  findings: FindingCollector,
): EncryptedTally | undefined {
  if (model.tally === undefined) {
    findings.add('tally', 'missing_tally', { file: 'board.jsonl' }, 'no usable tally_computed event');
    return undefined;
  }
  const at = { file: 'board.jsonl', line: model.tally.line, seq: model.tally.seq };
  const parsed = parseWireEncryptedTally(group, toCanonical(model.tally.value));
  if (!parsed.ok) {
    findings.add('tally', parsed.error, at, parsed.detail ?? parsed.error);
    return undefined;
  }
  const published = parsed.value;
  if (ctx === undefined) {
    findings.skip('tally', 'the manifest is unusable');
    return published;
  }
  const questions = ctx.manifest.questions;
  if (published.length !== questions.length || questions.some((q, i) => published[i]!.length !== q.options.length)) {
    findings.add('tally', 'tally_shape_mismatch', at, "the tally's questions and options differ from the manifest's");
    return undefined;
  }
  if (ballots === undefined) {
    findings.skip('tally', 'the ballots could not be checked');
    return published;
  }
  if (ballots.tally === undefined) {
    findings.add('tally', 'tally_not_recomputable', at, `counted ballots that cannot be added: seq ${ballots.unusableCounted.join(', ')}`);
    return published;
  }
  const recomputed = ballots.tally;
  questions.forEach((q, qi) =>
    published[qi]!.forEach((c, i) => {
      if (!ciphertextEquals(group, c, recomputed[qi]![i]!))
        findings.add('tally', 'tally_mismatch', { ...at, question: q.id, option: i }, `question ${q.id} option ${i}: not the product of the counted ballots`);
    }),
  );
  return published;
}
