// Linked follow-ups in words (protocol §M7): the condition of a declaration ("If it fails …"), the
// name of an outcome, which declarations and triggered follow-ups belong to a question, and what
// became of a declaration once the result is published. Reads the API's shapes defensively. Pure
// (no DOM, no network).
import type { ResponseOf } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

export type VoteFollowUps = ResponseOf<'voteFollowUps'>;
export type Declared = VoteFollowUps['declared'][number];
export type Triggered = NonNullable<VoteFollowUps['triggered']>[number];

const OUTCOMES = ['passed', 'failed', 'turnout_not_met', 'support_floor_not_met', 'elected', 'tie', 'no_votes'] as const;
type Outcome = (typeof OUTCOMES)[number];
const known = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);

/** "If it fails (…)" for a declared outcome. */
export function conditionWords(outcome: string, t: Translate): string {
  return known(outcome) ? t(`followups.if.${outcome}` as MessageKey) : outcome;
}

/** "failed", "turnout floor not met", … */
export function outcomeName(outcome: string, t: Translate): string {
  return known(outcome) ? t(`followups.outcome.${outcome}` as MessageKey) : outcome;
}

/** The declarations of one question, in manifest order. */
export const declaredFor = (f: VoteFollowUps, questionId: string): Declared[] => f.declared.filter((d) => d.questionId === questionId);

/** The follow-up a question's published outcome triggered, if any. */
export const triggeredFor = (f: VoteFollowUps, questionId: string): Triggered | undefined => f.triggered?.find((x) => x.questionId === questionId);

/** The declaration a triggered follow-up came from (for the template's rule in words). */
export const declarationOf = (f: VoteFollowUps, tr: Triggered): Declared | undefined =>
  f.declared.find((d) => d.questionId === tr.questionId && d.outcome === tr.declared);

/** Whether an administrator may start it from the result page: a triggered vote follow-up. */
export const startable = (tr: Triggered): boolean => tr.kind === 'vote';

/** A declaration once the result is known: not yet published, triggered (by which outcome), or not. */
export type DeclarationState = { readonly kind: 'pending' } | { readonly kind: 'not_triggered' } | { readonly kind: 'triggered'; readonly triggered: Triggered };

/** What became of a declaration: the result's triggered follow-ups name the declaration they came from (§M7). */
export function declarationState(f: VoteFollowUps, d: Declared): DeclarationState {
  if (f.triggered === null) return { kind: 'pending' };
  const triggered = f.triggered.find((tr) => tr.questionId === d.questionId && tr.declared === d.outcome);
  return triggered === undefined ? { kind: 'not_triggered' } : { kind: 'triggered', triggered };
}
