// The result object (docs/record-format.md §6) against what the verifier recomputed: the rest of
// `decryption` (§5.12: counts, blanks, turnout, decryptedBy, question ids) and `outcome` (§5.13:
// each question's evaluation recomputed by protocol evaluateRule from the published counts and
// turnout under the manifest's rule). As a last guard the whole result is recomputed with protocol
// computeResult and compared byte for byte. Must not decrypt (check-decryption.ts does).
import { type CanonicalValue, computeResult, encodeResult, evaluateRule, type Manifest, toCanonical } from '@ratify/protocol';
import type { DecryptionSummary } from './check-decryption.ts';
import type { FindingCollector } from './collector.ts';
import { hasExactKeys, isArray, isCount, isObject } from './json.ts';
import type { BoardModel } from './model.ts';
import type { QuestionOutcome } from './types.ts';

type PublishedQuestion = { readonly questionId: string; readonly options: readonly number[]; readonly blank: number; readonly evaluation: CanonicalValue };
type PublishedResult = {
  readonly voteId: CanonicalValue;
  readonly eligible: number;
  readonly voted: number;
  readonly questions: readonly PublishedQuestion[];
  readonly decryptedBy: readonly number[];
};

function readResult(value: CanonicalValue): PublishedResult | undefined {
  if (!hasExactKeys(value, ['decryptedBy', 'questions', 'turnout', 'voteId'])) return undefined;
  const { decryptedBy, questions, turnout } = value;
  if (!isArray(decryptedBy) || !decryptedBy.every(isCount) || !isArray(questions)) return undefined;
  if (!hasExactKeys(turnout, ['eligible', 'voted']) || !isCount(turnout.eligible) || !isCount(turnout.voted)) return undefined;
  const read: PublishedQuestion[] = [];
  for (const q of questions) {
    if (!hasExactKeys(q, ['counts', 'evaluation', 'questionId']) || typeof q.questionId !== 'string') return undefined;
    const counts = q.counts;
    if (!hasExactKeys(counts, ['blank', 'options']) || !isCount(counts.blank) || !isArray(counts.options) || !counts.options.every(isCount))
      return undefined;
    read.push({ questionId: q.questionId, options: counts.options, blank: counts.blank, evaluation: q.evaluation! });
  }
  return { voteId: value.voteId!, eligible: turnout.eligible, voted: turnout.voted, questions: read, decryptedBy };
}

const outcomeKind = (evaluation: CanonicalValue | undefined): string | undefined => {
  const outcome = isObject(evaluation) ? evaluation.outcome : undefined;
  return isObject(outcome) && typeof outcome.kind === 'string' ? outcome.kind : undefined;
};

export function checkResultEvent(
  manifest: Manifest,
  model: BoardModel,
  decryption: DecryptionSummary,
  voted: number | undefined,
  findings: FindingCollector,
): QuestionOutcome[] {
  const recomputed = decryption.counts && voted !== undefined ? computeResult(manifest, decryption.counts, voted, []) : undefined;
  const recomputedQuestions = recomputed?.ok ? recomputed.value.questions : undefined;
  const outcomes = (published?: PublishedResult): QuestionOutcome[] =>
    manifest.questions.map((q, i) => {
      const r = recomputedQuestions?.[i];
      const p = published?.questions[i]?.questionId === q.id ? outcomeKind(published.questions[i]?.evaluation) : undefined;
      return {
        questionId: q.id,
        ...(r && { recomputed: r.evaluation.outcome.kind, counts: r.counts }),
        ...(p !== undefined && { published: p }),
      };
    });
  if (model.result === undefined) {
    findings.add('decryption', 'missing_result', { file: 'board.jsonl' }, 'no usable result_published event');
    findings.skip('outcome', 'there is no result');
    return outcomes();
  }
  const at = { file: 'board.jsonl', line: model.result.line, seq: model.result.seq };
  const result = readResult(model.result.value);
  if (result === undefined) {
    findings.add('decryption', 'malformed_result', at, 'the result object does not have the shape of record-format §6');
    findings.skip('outcome', 'the result is unreadable');
    return outcomes();
  }
  checkAgainstDecryption(manifest, result, decryption, voted, at, findings);
  checkEvaluations(manifest, result, at, findings);
  if (recomputed?.ok && findings.count('decryption') === 0 && findings.count('outcome') === 0) {
    const expected = encodeResult({ ...recomputed.value, decryptedBy: result.decryptedBy });
    if (expected !== toCanonical(model.result.value)) findings.add('outcome', 'result_mismatch', at, 'the result differs from the recomputed one');
  }
  return outcomes(result);
}

type At = { readonly file: string; readonly line: number; readonly seq: number };

function checkAgainstDecryption(manifest: Manifest, result: PublishedResult, decryption: DecryptionSummary, voted: number | undefined, at: At, findings: FindingCollector): void {
  const add = (code: string, detail: string, where: object = {}) => findings.add('decryption', code, { ...at, ...where }, detail);
  if (result.voteId !== manifest.voteId) add('wrong_vote', `the result is for ${String(result.voteId)}`, { path: '$.voteId' });
  if (result.eligible !== manifest.eligibleCount) add('turnout_mismatch', `eligible is ${result.eligible}, the manifest says ${manifest.eligibleCount}`, { path: '$.turnout.eligible' });
  if (voted !== undefined && result.voted !== voted) add('turnout_mismatch', `voted is ${result.voted}, ${voted} ballots are counted`, { path: '$.turnout.voted' });
  const k = manifest.trustees.threshold;
  const by = result.decryptedBy;
  const ascending = by.every((t, i) => i === 0 || t > by[i - 1]!);
  if (!ascending || by.length < k || by.some((t) => !decryption.validTrustees.includes(t)))
    add('wrong_decrypted_by', `decryptedBy [${by.join(', ')}] is not an ascending set of at least ${k} trustees with valid partial decryptions`, { path: '$.decryptedBy' });
  if (result.questions.length !== manifest.questions.length || manifest.questions.some((q, i) => result.questions[i]!.questionId !== q.id)) {
    add('result_shape_mismatch', "the result's questions differ from the manifest's", { path: '$.questions' });
    return;
  }
  const counts = decryption.counts;
  if (counts === undefined) return;
  manifest.questions.forEach((q, qi) => {
    const published = result.questions[qi]!;
    const decrypted = counts[qi]!;
    if (published.options.length !== decrypted.length) add('count_mismatch', `question ${q.id}: ${published.options.length} option counts, ${decrypted.length} options`, { question: q.id });
    else
      decrypted.forEach((c, i) => {
        if (published.options[i] !== c) add('count_mismatch', `question ${q.id} option ${i}: the result says ${published.options[i]}, the tally decrypts to ${c}`, { question: q.id, option: i });
      });
    if (voted !== undefined) {
      const blank = q.max === 1 ? voted - decrypted.reduce((a, b) => a + b, 0) : 0;
      if (published.blank !== blank) add('blank_mismatch', `question ${q.id}: blank is ${published.blank}, expected ${blank}`, { question: q.id });
    }
  });
}

function checkEvaluations(manifest: Manifest, result: PublishedResult, at: At, findings: FindingCollector): void {
  manifest.questions.forEach((q, qi) => {
    const published = result.questions[qi];
    if (published === undefined || published.questionId !== q.id) return; // reported by `decryption`
    const where = { ...at, question: q.id, path: `$.questions[${qi}].evaluation` };
    const evaluation = evaluateRule(q.rule, { options: published.options, blank: published.blank }, { eligible: result.eligible, voted: result.voted });
    if (!evaluation.ok) {
      findings.add('outcome', evaluation.error, where, `question ${q.id}: ${evaluation.detail ?? evaluation.error}`);
      return;
    }
    const expected = toCanonical(evaluation.value as unknown as CanonicalValue);
    if (expected !== toCanonical(published.evaluation))
      findings.add('outcome', 'wrong_evaluation', where, `question ${q.id}: the rule gives ${evaluation.value.outcome.kind}, the result says ${outcomeKind(published.evaluation) ?? 'something else'}`);
  });
}
