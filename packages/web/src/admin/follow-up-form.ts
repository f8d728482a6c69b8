// Linked follow-ups in the staff forms (protocol §M7). Pure: no DOM, no network.
// - Declaring: the draft form's "what follows" rows and their translation to the manifest's
//   `followUps` (a note, or a vote whose template is one or more questions written like the form's).
// - Starting: a published vote's triggered vote follow-up as a draft form pre-filled from the
//   template and the parent's trustees, and the definition sent to the start route (the template's
//   questions verbatim: members were told before voting what a failure sets off); once started,
//   where its draft or vote is.
import type { ResponseOf } from '../api.ts';
import { type DraftForm, type QuestionForm, newDraftForm, newQuestion, question, toDraftDefinition } from './draft-definition.ts';

export const FOLLOW_UP_OUTCOMES = ['passed', 'failed', 'turnout_not_met', 'support_floor_not_met', 'elected', 'tie', 'no_votes'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export type FollowUpForm = {
  /** The form's question this follows (index into DraftForm.questions, as text for the select). */
  readonly question: string;
  readonly outcome: FollowUpOutcome;
  readonly kind: 'note' | 'vote';
  /** What members read before voting, e.g. "If ratification fails, a strike-authorization vote opens." */
  readonly text: string;
  /** Vote follow-ups: the next vote's title and its questions (at least one). */
  readonly title: string;
  readonly questions: readonly QuestionForm[];
};

/** A follow-up vote's question starts as the usual strike authorization: yes/no at 3/4. */
export const newTemplateQuestion = (): QuestionForm => ({ ...newQuestion(), ruleKind: 'supermajority', threshold: { numerator: '3', denominator: '4' } });

export const newFollowUp = (): FollowUpForm => ({
  question: '0',
  outcome: 'failed',
  kind: 'note',
  text: '',
  title: '',
  questions: [newTemplateQuestion()],
});

/** A row with one more template question, or without its question `n` (never the last one). */
export const withTemplateQuestion = (f: FollowUpForm): FollowUpForm => ({ ...f, questions: [...f.questions, newTemplateQuestion()] });
export const withoutTemplateQuestion = (f: FollowUpForm, n: number): FollowUpForm =>
  f.questions.length > 1 ? { ...f, questions: f.questions.filter((_, i) => i !== n) } : f;

/**
 * One row as a manifest declaration: the question index becomes the form's question id (`q1`, …);
 * a vote's template questions are `q1`, `q2`, … in order, so the server's issue paths
 * (`followUps.0.vote.questions.1.text`) point at the row's fields.
 */
export function toFollowUpDeclaration(f: FollowUpForm): Record<string, unknown> {
  const index = /^\d+$/.test(f.question) ? Number(f.question) : 0;
  const base = { questionId: `q${index + 1}`, outcome: f.outcome, text: f.text.trim() };
  return f.kind === 'note' ? base : { ...base, vote: { title: f.title.trim(), questions: f.questions.map(question) } };
}

/** The outcomes worth offering for a question of the form (the server still checks them, §M3 invariant 8). */
export function outcomesFor(q: QuestionForm | undefined): readonly FollowUpOutcome[] {
  if (q === undefined) return [];
  if (q.kind === 'choose') return ['elected', 'tie', 'no_votes', 'turnout_not_met'];
  return ['passed', 'failed', 'turnout_not_met', 'support_floor_not_met'];
}

export type Template = { readonly title: string; readonly revotePolicy?: 'last_counts' | 'first_counts' | undefined; readonly questions: readonly unknown[] };
type ParentDraftDefinition = { readonly trustees: { readonly threshold: number; readonly members: readonly { readonly name: string; readonly account?: string | undefined }[] } };

/** The follow-up draft form: the template's title and revote policy, the parent's union and (if it was drafted here) its trustees. */
export function followUpDraftForm(template: Template, unionId: string, parent?: ParentDraftDefinition): DraftForm {
  const base = newDraftForm();
  return {
    ...base,
    title: template.title,
    unionId,
    revotePolicy: template.revotePolicy ?? base.revotePolicy,
    ...(parent !== undefined && {
      threshold: String(parent.trustees.threshold),
      trustees: parent.trustees.members.map((m) => ({ name: m.name, account: m.account ?? '' })),
    }),
  };
}

/** What the start route takes: the form's definition with the template's questions verbatim. */
export function followUpDefinition(form: DraftForm, template: Template, unionId: string): Record<string, unknown> {
  const { followUps: _f, ...rest } = toDraftDefinition({ ...form, followUps: [] });
  return { ...rest, unionId, questions: template.questions, ...(template.revotePolicy !== undefined && { revotePolicy: template.revotePolicy }) };
}

/** Where an administrator starts a triggered vote follow-up. */
export const followUpStartPath = (voteId: string, questionId: string): string => `/admin/votes/${voteId}/follow-up?question=${encodeURIComponent(questionId)}`;

export type StartedLinks = ResponseOf<'adminFollowUps'>;
export type StartedLink = StartedLinks['started'][number];

/** The follow-up started from a question of this vote (one live start per question), if any. */
export const startedFollowUp = (links: StartedLinks, questionId: string): StartedLink | undefined => links.started.find((l) => l.questionId === questionId);

/** Where a started follow-up is: its draft while the trustees' ceremony runs, then its vote's console. */
export const followUpChildPath = (link: Pick<StartedLink, 'childId' | 'childStatus'>): string =>
  link.childStatus === 'vote' ? `/admin/votes/${link.childId}` : `/admin/drafts/${link.childId}`;
