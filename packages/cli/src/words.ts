// Results in words for people: "PASSED — 6 yes, 2 no: yes is 75% of 8 (at least 75% required)".
// Percentages are truncated, never rounded up (74.996% must not read as 75%), and say when exact.
// Pure formatting of the result the protocol computed; decides nothing.
import { assertNever } from '@ratify/crypto';
import { type ElectionResult, type Manifest, type Outcome, type RuleCheck, describeRule, formatRational } from '@ratify/protocol';

export function percent(numerator: number, denominator: number): string {
  if (denominator === 0) return '—';
  const scaled = BigInt(numerator) * 10000n;
  const d = BigInt(denominator);
  const bp = scaled / d;
  const text = `${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`.replace(/\.?0+$/, '');
  return scaled % d === 0n ? `${text}%` : `${text}…%`;
}

const CHECK_NAMES: Record<RuleCheck['kind'], string> = {
  turnout_floor: 'turnout',
  majority: 'yes',
  support_of_eligible_floor: 'yes among all eligible',
};

function describeCheck(c: RuleCheck): string {
  const v = c.value;
  const need = `${c.comparison === 'greater_than' ? 'more than' : 'at least'} ${formatRational(c.required, 'en')} required`;
  return `${CHECK_NAMES[c.kind]} is ${percent(v.numerator, v.denominator)} (${v.numerator} of ${v.denominator}; ${need}) ${c.met ? 'met' : 'NOT met'}`;
}

function outcomeWord(o: Outcome, options: readonly string[]): string {
  switch (o.kind) {
    case 'passed':
      return 'PASSED';
    case 'failed':
      return 'FAILED';
    case 'turnout_not_met':
      return 'FAILED (turnout floor not met)';
    case 'support_floor_not_met':
      return 'FAILED (support-of-eligible floor not met)';
    case 'elected':
      return `ELECTED: ${o.winners.map((w) => options[w]).join(', ')}`;
    case 'tie':
      return `TIE for ${o.openSeats} seat(s) among ${o.tied.map((w) => options[w]).join(', ')}${o.elected.length ? `; elected ${o.elected.map((w) => options[w]).join(', ')}` : ''}`;
    case 'no_votes':
      return 'NO VOTES';
    default:
      return assertNever(o);
  }
}

export function describeResult(manifest: Manifest, result: ElectionResult) {
  return result.questions.map((qr) => {
    const q = manifest.questions.find((x) => x.id === qr.questionId)!;
    const names = q.kind === 'yes_no' ? q.options : q.options.map((o) => o.text);
    const counts = [...qr.counts.options.map((c, i) => `${c} ${names[i]}`), `${qr.counts.blank} blank`].join(', ');
    const words = `${outcomeWord(qr.evaluation.outcome, names)} — ${counts}; ${qr.evaluation.checks.map(describeCheck).join('; ')}`;
    return { questionId: q.id, question: q.text, rule: describeRule(q.rule, 'en', q), outcome: qr.evaluation.outcome.kind, words };
  });
}
