// The result in words and rows: per question the table rows (option, count, share of the votes the
// rule counts), the threshold for the chart, the outcome sentence and each rule check as a sentence.
// Reads the API's loosely typed outcome/check objects defensively. Pure (no DOM).
import { formatRational, type Rational } from '@ratify/protocol';
import type { ResponseOf } from '../api.ts';
import { formatPercent, type Lang, type Translate } from '../i18n/i18n.ts';
import type { Threshold } from './bar-chart.tsx';

type DetailQuestion = ResponseOf<'getVote'>['questions'][number];
type ResultQuestion = ResponseOf<'result'>['result']['questions'][number];
type Share = { readonly numerator: number; readonly denominator: number };
export type Row = { readonly label: string; readonly count: number; readonly share?: Share };
export type Check = { readonly kind: string; readonly value: Share; readonly comparison: string; readonly required: Rational; readonly met: boolean };

const isShare = (x: unknown): x is Share =>
  typeof x === 'object' && x !== null && Number.isSafeInteger((x as Share).numerator) && Number.isSafeInteger((x as Share).denominator);
const isIndexList = (x: unknown): x is number[] => Array.isArray(x) && x.every((i) => Number.isSafeInteger(i));

export function readCheck(c: { readonly kind: string } & Record<string, unknown>): Check | undefined {
  const { value, comparison, required, met } = c;
  if (!isShare(value) || !isShare(required) || typeof comparison !== 'string' || typeof met !== 'boolean') return undefined;
  return { kind: c.kind, value, comparison, required, met };
}

function majorityOf(r: ResultQuestion): Check | undefined {
  for (const c of r.evaluation.checks) {
    const check = readCheck(c);
    if (check?.kind === 'majority') return check;
  }
  return undefined;
}

export function optionName(q: DetailQuestion, i: number, t: Translate): string {
  if (q.kind === 'yes_no') return i === 0 ? t('ballot.yes') : t('ballot.no');
  return q.options[i]?.text ?? `#${i + 1}`;
}

/** Shares: yes/no over the votes the rule counts (the majority check's denominator); choose questions over the voters. */
export function questionRows(q: DetailQuestion, r: ResultQuestion, voted: number, t: Translate, lang: Lang): { rows: Row[]; threshold: Threshold | undefined } {
  const { options, blank } = r.counts;
  if (q.kind === 'yes_no') {
    const majority = majorityOf(r);
    const denominator = majority?.value.denominator ?? options.reduce((a, b) => a + b, 0);
    const blankCounted = denominator === options.reduce((a, b) => a + b, 0) + blank && blank > 0;
    const rows: Row[] = options.map((count, i) => ({ label: optionName(q, i, t), count, share: { numerator: count, denominator } }));
    if (blank > 0 || q.blankAllowed) rows.push({ label: t('ballot.blank'), count: blank, ...(blankCounted ? { share: { numerator: blank, denominator } } : {}) });
    const threshold = majority
      ? {
          share: majority.required.numerator / majority.required.denominator,
          label: t(majority.comparison === 'greater_than' ? 'result.threshold_more_than' : 'result.threshold_at_least', { required: formatRational(majority.required, lang) }),
        }
      : undefined;
    return { rows, threshold };
  }
  const rows: Row[] = options.map((count, i) => ({ label: optionName(q, i, t), count, share: { numerator: count, denominator: voted } }));
  if (blank > 0) rows.push({ label: t('ballot.blank'), count: blank, share: { numerator: blank, denominator: voted } });
  return { rows, threshold: undefined };
}

export function outcomeWords(q: DetailQuestion, outcome: { readonly kind: string } & Record<string, unknown>, t: Translate): string {
  const names = (xs: unknown) => (isIndexList(xs) ? xs.map((i) => optionName(q, i, t)).join(', ') : '');
  switch (outcome.kind) {
    case 'passed':
      return t('outcome.passed');
    case 'failed':
      return t('outcome.failed');
    case 'turnout_not_met':
      return t('outcome.turnout_not_met');
    case 'support_floor_not_met':
      return t('outcome.support_floor_not_met');
    case 'elected':
      return t('outcome.elected', { names: names(outcome['winners']) });
    case 'tie':
      return t('outcome.tie', {
        elected: names(outcome['elected']) || '—',
        tied: names(outcome['tied']),
        seats: typeof outcome['openSeats'] === 'number' ? outcome['openSeats'] : 1,
      });
    case 'no_votes':
      return t('outcome.no_votes');
    default:
      return outcome.kind;
  }
}

export function checkWords(c: { readonly kind: string } & Record<string, unknown>, t: Translate, lang: Lang): string {
  const check = readCheck(c);
  if (!check) return c.kind;
  const vars = {
    value: formatPercent(check.value.numerator, check.value.denominator, lang),
    numerator: check.value.numerator,
    denominator: check.value.denominator,
    required: formatRational(check.required, lang),
    met: check.met ? t('result.met') : t('result.not_met'),
  };
  switch (check.kind) {
    case 'turnout_floor':
      return t('check.turnout_floor', vars);
    case 'majority':
      return t(check.comparison === 'greater_than' ? 'check.majority_more_than' : 'check.majority_at_least', vars);
    case 'support_of_eligible_floor':
      return t('check.support_floor', vars);
    default:
      return check.kind;
  }
}
