// Linked follow-ups (docs/protocol.md, "Follow-ups"): which of a manifest's declared follow-ups an
// evaluated outcome triggers. The declaration is signed into the fingerprint (manifest.ts), so
// members know before voting what each outcome sets off; the result names the triggered ones and
// the verifier recomputes them from the manifest and the recomputed outcomes. Pure.
import type { FollowUp, Manifest } from './manifest.ts';
import type { OutcomeKind } from './rules.ts';

export type FollowUpKind = 'vote' | 'note';

/** A follow-up an outcome triggered, as the result states it (record-format §6). */
export type TriggeredFollowUp = {
  readonly questionId: string;
  /** The outcome the question actually had. */
  readonly outcome: OutcomeKind;
  /** The declared outcome that matched: equal to `outcome`, or `failed` standing for a failed floor. */
  readonly declared: OutcomeKind;
  readonly kind: FollowUpKind;
  readonly text: string;
  /** The next vote's title (vote follow-ups only). */
  readonly title?: string;
};

export const followUpKind = (f: FollowUp): FollowUpKind => (f.vote === undefined ? 'note' : 'vote');

/** A yes/no question that misses a floor has failed too: a `failed` declaration covers it unless the floor's own outcome is declared. */
const FAILED_FLOORS: readonly OutcomeKind[] = ['turnout_not_met', 'support_floor_not_met'];

/**
 * The follow-up `outcome` of question `questionId` triggers: the one declared for exactly that
 * outcome, else — for `turnout_not_met` and `support_floor_not_met` — the one declared for `failed`.
 */
export function followUpFor(manifest: Manifest, questionId: string, outcome: OutcomeKind): FollowUp | undefined {
  const declared = manifest.followUps.filter((f) => f.questionId === questionId);
  return declared.find((f) => f.outcome === outcome) ?? (FAILED_FLOORS.includes(outcome) ? declared.find((f) => f.outcome === 'failed') : undefined);
}

/** The triggered follow-ups of evaluated questions, in manifest question order (at most one per question). */
export function triggeredFollowUps(manifest: Manifest, outcomes: readonly { readonly questionId: string; readonly outcome: OutcomeKind }[]): TriggeredFollowUp[] {
  const out: TriggeredFollowUp[] = [];
  for (const q of manifest.questions) {
    const evaluated = outcomes.find((o) => o.questionId === q.id);
    if (evaluated === undefined) continue;
    const f = followUpFor(manifest, q.id, evaluated.outcome);
    if (f === undefined) continue;
    out.push({
      questionId: q.id,
      outcome: evaluated.outcome,
      declared: f.outcome,
      kind: followUpKind(f),
      text: f.text,
      ...(f.vote !== undefined && { title: f.vote.title }),
    });
  }
  return out;
}
