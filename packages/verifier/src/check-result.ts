// The result object (docs/record-format.md §6) against what the verifier recomputed: the rest of
// `decryption` (§5.12: counts, blanks, turnout, decryptedBy, question ids) and `outcome` (§5.13:
// each question's evaluation recomputed by protocol evaluateRule from the published counts and
// turnout under the manifest's rule). As a last guard the whole result is recomputed with protocol
// computeResult and compared byte for byte (without `followUps`, which are `follow_ups`'s: the
// follow-ups the manifest declares for the recomputed outcomes, protocol §M7). Must not decrypt
// (check-decryption.ts does).
import { type CanonicalValue, computeResult, encodeResult, evaluateRule, type Manifest, toCanonical, type TriggeredFollowUp, triggeredFollowUps } from '@ratify/protocol';
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
  /** As published, when present (checked by `follow_ups`). */
  readonly followUps?: CanonicalValue;
};

const RESULT_KEYS = ['decryptedBy', 'questions', 'turnout', 'voteId'];

function readResult(value: CanonicalValue): PublishedResult | undefined {
  if (!hasExactKeys(value, RESULT_KEYS) && !hasExactKeys(value, [...RESULT_KEYS, 'followUps'])) return undefined;
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
  return {
    voteId: value.voteId!,
    eligible: turnout.eligible,
    voted: turnout.voted,
    questions: read,
    decryptedBy,
    ...(value.followUps !== undefined && { followUps: value.followUps }),
  };
}

/** The result without its follow-ups (those are compared by `follow_ups`). */
const withoutFollowUps = (value: CanonicalValue): CanonicalValue => {
  if (!isObject(value)) return value;
  const { followUps: _f, ...rest } = value;
  return rest;
};

const toFollowUp = (t: TriggeredFollowUp) => ({ kind: t.kind, declared: t.declared, text: t.text, ...(t.title !== undefined && { title: t.title }) });

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
  const triggered = recomputed?.ok ? (recomputed.value.followUps ?? []) : undefined;
  const outcomes = (published?: PublishedResult): QuestionOutcome[] =>
    manifest.questions.map((q, i) => {
      const r = recomputedQuestions?.[i];
      const p = published?.questions[i]?.questionId === q.id ? outcomeKind(published.questions[i]?.evaluation) : undefined;
      const f = triggered?.find((t) => t.questionId === q.id);
      return {
        questionId: q.id,
        ...(r && { recomputed: r.evaluation.outcome.kind, counts: r.counts }),
        ...(p !== undefined && { published: p }),
        ...(f && { followUp: toFollowUp(f) }),
      };
    });
  if (model.result === undefined) {
    findings.add('decryption', 'missing_result', { file: 'board.jsonl' }, 'no usable result_published event');
    for (const check of ['outcome', 'follow_ups'] as const) findings.skip(check, 'there is no result');
    return outcomes();
  }
  const at = { file: 'board.jsonl', line: model.result.line, seq: model.result.seq };
  const result = readResult(model.result.value);
  if (result === undefined) {
    findings.add('decryption', 'malformed_result', at, 'the result object does not have the shape of record-format §6');
    for (const check of ['outcome', 'follow_ups'] as const) findings.skip(check, 'the result is unreadable');
    return outcomes();
  }
  checkAgainstDecryption(manifest, result, decryption, voted, at, findings);
  checkEvaluations(manifest, result, at, findings);
  if (recomputed?.ok && findings.count('decryption') === 0 && findings.count('outcome') === 0) {
    const { followUps: _f, ...expected } = { ...recomputed.value, decryptedBy: result.decryptedBy };
    if (encodeResult(expected) !== toCanonical(withoutFollowUps(model.result.value))) findings.add('outcome', 'result_mismatch', at, 'the result differs from the recomputed one');
  }
  checkFollowUps(manifest, result, triggered, at, findings);
  return outcomes(result);
}

/**
 * `follow_ups`: the result's follow-ups are exactly those the manifest declares for the recomputed
 * outcomes (protocol §M7). Without recomputed outcomes, the ones for the published evaluations are
 * the reference (the `outcome` check then says whether those are right).
 */
function checkFollowUps(manifest: Manifest, result: PublishedResult, recomputed: readonly TriggeredFollowUp[] | undefined, at: At, findings: FindingCollector): void {
  const publishedOutcomes = manifest.questions.flatMap((q, i) => {
    const kind = result.questions[i]?.questionId === q.id ? outcomeKind(result.questions[i]?.evaluation) : undefined;
    return kind === undefined ? [] : [{ questionId: q.id, outcome: kind as TriggeredFollowUp['outcome'] }];
  });
  const expected = recomputed ?? (publishedOutcomes.length === manifest.questions.length ? triggeredFollowUps(manifest, publishedOutcomes) : undefined);
  if (expected === undefined) {
    findings.skip('follow_ups', 'the outcomes could not be recomputed');
    return;
  }
  const where = { ...at, path: '$.followUps' };
  if (result.followUps !== undefined && (!Array.isArray(result.followUps) || result.followUps.length === 0)) {
    findings.add('follow_ups', 'malformed_follow_ups', where, 'followUps must be a non-empty list, or absent when nothing is triggered');
    return;
  }
  const published = (result.followUps ?? []) as readonly CanonicalValue[];
  const byQuestion = (list: readonly CanonicalValue[], id: string) => list.find((f) => isObject(f) && f.questionId === id);
  for (const q of manifest.questions) {
    const want = expected.find((t) => t.questionId === q.id);
    const got = byQuestion(published, q.id);
    const loc = { ...where, question: q.id };
    if (want === undefined && got !== undefined) findings.add('follow_ups', 'unexpected_follow_up', loc, `question ${q.id}: the result names a follow-up its outcome does not trigger`);
    else if (want !== undefined && got === undefined)
      findings.add('follow_ups', 'missing_follow_up', loc, `question ${q.id}: the outcome triggers the manifest's ${want.kind} follow-up for ${want.declared}, the result names none`);
    else if (want !== undefined && toCanonical(want as unknown as CanonicalValue) !== toCanonical(got!))
      findings.add('follow_ups', 'wrong_follow_up', loc, `question ${q.id}: the result's follow-up differs from the manifest's ${want.kind} follow-up for ${want.declared}`);
  }
  if (findings.count('follow_ups') === 0 && toCanonical(expected as unknown as CanonicalValue) !== toCanonical(published as CanonicalValue))
    findings.add('follow_ups', 'wrong_follow_up', where, 'the follow-ups are not one per question in question order');
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
