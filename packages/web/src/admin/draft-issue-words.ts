// A draft's problems in plain words (pure, unit-tested): the field named as the form labels it
// ("Question 2: text", not `questions.1.text`) and the problem said for a person ("Fill in the
// title", not "Too small: expected string to have >=1 characters"); the server's own text only for
// a code this version does not know. Also the fields a form must have before it is sent at all, so
// an empty form lists every empty field at once (and nothing before it is submitted).
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { DraftForm, FieldIssue } from './draft-definition.ts';

export type DraftIssue = FieldIssue & { readonly limit?: number | undefined };

const FIXED: Readonly<Record<string, MessageKey>> = {
  title: 'admin.draft.title_label',
  voteId: 'admin.draft.vote_id',
  unionId: 'admin.draft.union',
  recordDate: 'admin.draft.record_date',
  'schedule.opensAt': 'admin.draft.opens_at',
  'schedule.closesAt': 'admin.draft.closes_at',
  revotePolicy: 'admin.draft.revote',
  purpose: 'admin.draft.purpose',
  'information.summary': 'admin.draft.summary',
  'information.statements.0.author': 'admin.draft.for_author',
  'information.statements.0.text': 'admin.draft.for_text',
  'information.statements.1.author': 'admin.draft.against_author',
  'information.statements.1.text': 'admin.draft.against_text',
  'information.statements': 'admin.draft.statements',
  'information.offer.id': 'draft.offer_label',
  'trustees.threshold': 'admin.draft.trustee_threshold',
  'trustees.members': 'admin.draft.trustees',
  followUps: 'admin.draft.follow_ups_field',
  questions: 'admin.draft.questions_field',
};

/** The field as the form labels it. */
export function fieldWords(t: Translate, field: string): string {
  const fixed = FIXED[field];
  if (fixed) return t(fixed);
  const q = /^questions\.(\d+)(?:\.(.+))?$/.exec(field);
  if (q) {
    const n = Number(q[1]) + 1;
    const part = q[2] ?? '';
    const what = part === 'text' ? t('admin.draft.question_text') : part.startsWith('options') ? t('admin.draft.options')
      : part.startsWith('rule') ? t('admin.draft.rule') : part === 'min' ? t('admin.draft.min') : part === 'max' ? t('admin.draft.max') : '';
    return what === '' ? t('admin.draft.question_n', { n }) : t('admin.draft.field_in_question', { n, field: what });
  }
  const tr = /^trustees\.members\.(\d+)\.(name|account)$/.exec(field);
  if (tr) return t(tr[2] === 'name' ? 'admin.draft.trustee_name' : 'admin.draft.trustee_account', { n: Number(tr[1]) + 1 });
  const fq = /^followUps\.(\d+)\.vote\.questions\.(\d+)(?:\.(.+))?$/.exec(field);
  if (fq) {
    const inner = fieldWords(t, `questions.${fq[2]}${fq[3] === undefined ? '' : `.${fq[3]}`}`);
    return t('admin.draft.follow_up_field', { row: Number(fq[1]) + 1, field: inner });
  }
  if (field.startsWith('followUps')) return t('admin.draft.follow_ups_field');
  if (field.startsWith('information.statements')) return t('admin.draft.statements');
  return t('admin.draft.field_other');
}

const DATE_FIELDS = new Set(['recordDate', 'schedule.opensAt', 'schedule.closesAt']);

/** The problem in words, with the field named. */
export function issueWords(t: Translate, issue: DraftIssue): string {
  const field = fieldWords(t, issue.field);
  if (DATE_FIELDS.has(issue.field) && ['invalid_format', 'custom', 'invalid_type', 'required', 'too_small'].includes(issue.code)) {
    return t(issue.field === 'recordDate' ? 'admin.draft.issue_pick_date' : 'admin.draft.issue_pick_time', { field });
  }
  switch (issue.code) {
    case 'required':
    case 'invalid_type':
      return t('admin.draft.issue_required', { field });
    case 'too_small':
      return issue.limit === undefined || issue.limit <= 1 ? t('admin.draft.issue_required', { field }) : t('admin.draft.issue_too_small', { field, limit: issue.limit });
    case 'too_big':
      return issue.limit === undefined ? t('admin.draft.issue_too_big_plain', { field }) : t('admin.draft.issue_too_big', { field, limit: issue.limit });
    case 'invalid_value':
      return t('admin.draft.issue_choose', { field });
    case 'invalid_format':
      return t('admin.draft.issue_format', { field });
    default: {
      const key = `admin.draft.issue.${issue.code}` as MessageKey;
      const words = /^[a-z_]+$/.test(issue.code) ? t(key, { field }) : key;
      return words === key ? `${field}: ${issue.message}` : words;
    }
  }
}

/** Required fields left empty, each as an issue at its own path (checked before anything is sent). */
export function missingFields(f: DraftForm): DraftIssue[] {
  const missing: DraftIssue[] = [];
  const need = (field: string, value: string) => {
    if (value.trim() === '') missing.push({ field, code: 'required', message: '' });
  };
  need('title', f.title);
  need('voteId', f.voteId);
  need('unionId', f.unionId);
  need('recordDate', f.recordDate);
  need('schedule.opensAt', f.opensAt);
  need('schedule.closesAt', f.closesAt);
  f.questions.forEach((q, i) => {
    need(`questions.${i}.text`, q.text);
    if (q.kind === 'choose') need(`questions.${i}.options`, q.options);
  });
  (f.followUps ?? []).forEach((row, r) => {
    if (row.kind !== 'vote') return;
    row.questions.forEach((q, i) => {
      need(`followUps.${r}.vote.questions.${i}.text`, q.text);
      if (q.kind === 'choose') need(`followUps.${r}.vote.questions.${i}.options`, q.options);
    });
  });
  need('trustees.threshold', f.threshold);
  f.trustees.forEach((tr, i) => need(`trustees.members.${i}.name`, tr.name));
  return missing;
}
