// The vote-draft form's state and its translation to the draft definition the server checks
// (console-schemas draftDefinitionSchema; the protocol's manifest rules). Pure: no DOM, no network.
// Field paths here are the server's issue paths (`questions.0.rule.threshold`), so the page can show
// each problem next to its field.
import { type FollowUpForm, toFollowUpDeclaration } from './follow-up-form.ts';

export type RationalField = { readonly numerator: string; readonly denominator: string };
export type QuestionForm = {
  readonly kind: 'yes_no' | 'choose';
  readonly text: string;
  /** choose: one option per line. */
  readonly options: string;
  readonly min: string;
  readonly max: string;
  readonly seats: string;
  readonly ruleKind: 'ratification' | 'supermajority';
  readonly threshold: RationalField;
  readonly turnoutFloor: RationalField;
  readonly supportFloor: RationalField;
  readonly blankAllowed: boolean;
  readonly blankPolicy: 'excluded' | 'counts_against';
};
export type TrusteeForm = { readonly name: string; readonly account: string };
export type DraftForm = {
  readonly voteId: string;
  readonly title: string;
  readonly unionId: string;
  readonly recordDate: string;
  /** datetime-local values, in the administrator's time zone. */
  readonly opensAt: string;
  readonly closesAt: string;
  readonly revotePolicy: 'last_counts' | 'first_counts';
  /** What the vote decides (manifest `purpose`); '' = read from the questions. */
  readonly purpose?: '' | 'ratification' | 'strike_authorization' | 'election' | 'other';
  readonly summary: string;
  readonly forAuthor: string;
  readonly forText: string;
  readonly againstAuthor: string;
  readonly againstText: string;
  readonly questions: readonly QuestionForm[];
  readonly threshold: string;
  readonly trustees: readonly TrusteeForm[];
  /** The offer this vote ratifies (from the bargaining tracker), bound into the manifest by digest. */
  readonly offer?: { readonly id: string; readonly title: string; readonly digest: string } | undefined;
  /** What follows each outcome (follow-up-form.ts); absent or empty: nothing declared. */
  readonly followUps?: readonly FollowUpForm[];
};

const EMPTY_RATIONAL: RationalField = { numerator: '', denominator: '' };
export const newQuestion = (): QuestionForm => ({
  kind: 'yes_no', text: '', options: '', min: '1', max: '1', seats: '1', ruleKind: 'ratification',
  threshold: { numerator: '2', denominator: '3' }, turnoutFloor: EMPTY_RATIONAL, supportFloor: EMPTY_RATIONAL, blankAllowed: false, blankPolicy: 'excluded',
});
export const newDraftForm = (): DraftForm => ({
  voteId: '', title: '', unionId: '', recordDate: '', opensAt: '', closesAt: '', revotePolicy: 'last_counts',
  summary: '', forAuthor: '', forText: '', againstAuthor: '', againstText: '',
  questions: [newQuestion()], threshold: '2',
  trustees: [{ name: '', account: '' }, { name: '', account: '' }, { name: '', account: '' }],
});

/** A whole number from a field, or the text itself (so the server names the field as not a number). */
const int = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s);
const rational = (r: RationalField) => ({ numerator: int(r.numerator), denominator: int(r.denominator) });
const optionalRational = (r: RationalField) => (r.numerator.trim() === '' && r.denominator.trim() === '' ? undefined : rational(r));
/** A local datetime-local value as an ISO instant to the second (the manifest's form); anything unreadable is passed on for the server to name. */
export function localToIso(value: string): string {
  const d = new Date(value);
  return value !== '' && !Number.isNaN(d.getTime()) ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : value;
}
const optionId = (text: string, i: number) => {
  const slug = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return slug === '' ? `option-${i + 1}` : slug;
};

/** One question of the form as the manifest's question (`q<i+1>`); also a follow-up vote's template question. */
export function question(q: QuestionForm, i: number) {
  const base = { id: `q${i + 1}`, text: q.text.trim(), blankAllowed: q.blankAllowed };
  if (q.kind === 'choose') {
    const options = q.options.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    return { ...base, kind: 'choose', options: options.map((text, n) => ({ id: optionId(text, n), text })), min: int(q.min), max: int(q.max), rule: { kind: 'plurality', seats: int(q.seats) } };
  }
  const turnoutFloor = optionalRational(q.turnoutFloor);
  const supportOfEligibleFloor = optionalRational(q.supportFloor);
  const rule = {
    kind: q.ruleKind,
    ...(q.ruleKind === 'supermajority' ? { threshold: rational(q.threshold) } : {}),
    blankPolicy: q.blankPolicy,
    ...(turnoutFloor ? { turnoutFloor } : {}),
    ...(supportOfEligibleFloor ? { supportOfEligibleFloor } : {}),
  };
  return { ...base, kind: 'yes_no', options: ['yes', 'no'], min: q.blankAllowed ? 0 : 1, max: 1, rule };
}

export function toDraftDefinition(f: DraftForm): Record<string, unknown> {
  // Equal terms: once either side has a statement, both are sent (for at 0, against at 1), so the
  // server's issues land on the empty side's own fields.
  const anyStatement = [f.forAuthor, f.forText, f.againstAuthor, f.againstText].some((v) => v.trim() !== '');
  const statements = anyStatement
    ? [
        { side: 'for', author: f.forAuthor.trim(), text: f.forText.trim() },
        { side: 'against', author: f.againstAuthor.trim(), text: f.againstText.trim() },
      ]
    : [];
  return {
    voteId: f.voteId.trim(),
    title: f.title.trim(),
    unionId: f.unionId,
    recordDate: f.recordDate,
    schedule: { opensAt: localToIso(f.opensAt), closesAt: localToIso(f.closesAt) },
    questions: f.questions.map(question),
    trustees: {
      threshold: int(f.threshold),
      members: f.trustees.map((t, i) => ({ id: `trustee-${i + 1}`, name: t.name.trim(), ...(t.account.trim() ? { account: t.account.trim().toLowerCase() } : {}) })),
    },
    revotePolicy: f.revotePolicy,
    ...(f.purpose ? { purpose: f.purpose } : {}),
    ...(f.followUps !== undefined && f.followUps.length > 0 ? { followUps: f.followUps.map(toFollowUpDeclaration) } : {}),
    ...(f.summary.trim() || statements.length > 0 || f.offer ? { information: { summary: f.summary.trim(), statements, ...(f.offer ? { offer: f.offer } : {}) } } : {}),
    ...(f.offer ? { linkedOfferId: f.offer.id } : {}),
  };
}

export type FieldIssue = { readonly field: string; readonly code: string; readonly message: string };

/** The issues for one field: its own path or anything below it. */
export function issuesAt(issues: readonly FieldIssue[], path: string): FieldIssue[] {
  return issues.filter((i) => i.field === path || i.field.startsWith(`${path}.`));
}

/** The issues at exactly one path, not below it (a field whose parts have fields of their own). */
export function issuesExactlyAt(issues: readonly FieldIssue[], path: string): FieldIssue[] {
  return issues.filter((i) => i.field === path);
}
