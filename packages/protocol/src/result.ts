// The result of a vote (docs/record-format.md §6): decrypted counts, turnout, and each question's
// rule evaluated exactly. `computeResult` is used by the engine after decryption and by the verifier,
// which recomputes the whole object and compares canonical bytes. Pure.
import { type Result, ok } from '@ratify/crypto';
import type { CanonicalValue } from './codec/canonical-json.ts';
import { toCanonical } from './codec/canonical-json.ts';
import { triggeredFollowUps, type TriggeredFollowUp } from './follow-ups.ts';
import type { Manifest, Question } from './manifest.ts';
import { type Evaluation, type EvaluationError, type QuestionCounts, evaluateRule } from './rules.ts';
import { allowedTotals, type BallotQuestionSpec } from './ballot/types.ts';

export type QuestionResult = {
  readonly questionId: string;
  readonly counts: QuestionCounts;
  readonly evaluation: Evaluation;
};

export type ElectionResult = {
  readonly voteId: string;
  readonly turnout: { readonly eligible: number; readonly voted: number };
  readonly questions: readonly QuestionResult[];
  readonly decryptedBy: readonly number[];
  /** The follow-ups the outcomes trigger (protocol §M7); absent when none, so such results keep their bytes. */
  readonly followUps?: readonly TriggeredFollowUp[];
};

export function optionCount(q: Question): number {
  return q.options.length;
}

/** The ballot functions' view of the manifest's questions. */
export function ballotQuestionSpecs(m: Manifest): BallotQuestionSpec[] {
  return m.questions.map((q) => ({ id: q.id, optionCount: optionCount(q), allowedTotals: allowedTotals(q.min, q.max, q.blankAllowed) }));
}

/**
 * `optionCounts[q][i]`: decrypted count of option i of question q; `voted`: counted ballots.
 * Blank = voted − Σ options where max = 1; 0 where max > 1 (not observable from the tally).
 */
export function computeResult(
  manifest: Manifest,
  optionCounts: readonly (readonly number[])[],
  voted: number,
  decryptedBy: readonly number[],
): Result<ElectionResult, EvaluationError> {
  const turnout = { eligible: manifest.eligibleCount, voted };
  const questions: QuestionResult[] = [];
  for (const [q, question] of manifest.questions.entries()) {
    const options = optionCounts[q] ?? [];
    const sum = options.reduce((a, b) => a + b, 0);
    const counts: QuestionCounts = { options, blank: question.max === 1 ? voted - sum : 0 };
    const evaluation = evaluateRule(question.rule, counts, turnout);
    if (!evaluation.ok) return evaluation;
    questions.push({ questionId: question.id, counts, evaluation: evaluation.value });
  }
  const followUps = triggeredFollowUps(manifest, questions.map((q) => ({ questionId: q.questionId, outcome: q.evaluation.outcome.kind })));
  return ok({
    voteId: manifest.voteId,
    turnout,
    questions,
    decryptedBy: [...decryptedBy].sort((a, b) => a - b),
    ...(followUps.length > 0 && { followUps }),
  });
}

export function toWireResult(r: ElectionResult): CanonicalValue {
  // Evaluation is plain data of strings, numbers, booleans, arrays and objects.
  return JSON.parse(JSON.stringify(r)) as CanonicalValue;
}

export function encodeResult(r: ElectionResult): string {
  return toCanonical(toWireResult(r));
}
