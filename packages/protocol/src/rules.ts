// Decision rules of a question and their exact evaluation (docs/protocol.md, "Rules"). All
// arithmetic is on integers (bigint cross-multiplication); a float never decides an outcome.
// `evaluateRule` returns the outcome with every number it compared, so the verifier and the results
// page show the same figures. Pure: no I/O, no clocks. Must not know how the counts were obtained.
import { assertNever, err, ok, type Result } from '@ratify/crypto';
import { z } from 'zod';

/** An exact fraction numerator/denominator of safe integers; in a rule, 0 <= n/d <= 1 and d >= 1. */
export type Rational = { readonly numerator: number; readonly denominator: number };
/** Whether blank ballots on the question are in the denominator of the majority (counting as not-yes). */
export type BlankPolicy = 'excluded' | 'counts_against';

type Floors = {
  /** voters / eligible must be at least this, else `turnout_not_met`. */
  readonly turnoutFloor?: Rational;
  /** yes / eligible must be at least this, else `support_floor_not_met`. */
  readonly supportOfEligibleFloor?: Rational;
};
/** Passes iff yes is strictly more than half of the votes counted; a tie fails. */
export type RatificationRule = Floors & { readonly kind: 'ratification'; readonly blankPolicy: BlankPolicy };
/** Passes iff yes / votes counted >= threshold ("at least"). */
export type SupermajorityRule = Floors & { readonly kind: 'supermajority'; readonly threshold: Rational; readonly blankPolicy: BlankPolicy };
/** The `seats` options with the most votes win; a tie at the cut is reported, never broken. */
export type PluralityRule = { readonly kind: 'plurality'; readonly seats: number; readonly turnoutFloor?: Rational };
export type Rule = RatificationRule | SupermajorityRule | PluralityRule;

const rationalSchema = z.strictObject({ numerator: z.int().min(0), denominator: z.int().min(1) });
const blankPolicySchema = z.enum(['excluded', 'counts_against']);
const floors = { turnoutFloor: rationalSchema.exactOptional(), supportOfEligibleFloor: rationalSchema.exactOptional() };
export const ruleSchema: z.ZodType<Rule> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ratification'), blankPolicy: blankPolicySchema, ...floors }),
  z.strictObject({ kind: z.literal('supermajority'), threshold: rationalSchema, blankPolicy: blankPolicySchema, ...floors }),
  z.strictObject({ kind: z.literal('plurality'), seats: z.int().min(1), turnoutFloor: rationalSchema.exactOptional() }),
]);

export type RuleError = 'threshold_out_of_range' | 'floor_out_of_range';

const atMost = (a: Rational, b: Rational): boolean => BigInt(a.numerator) * BigInt(b.denominator) <= BigInt(b.numerator) * BigInt(a.denominator);
const HALF: Rational = { numerator: 1, denominator: 2 };
const ONE: Rational = { numerator: 1, denominator: 1 };

/** Range checks the schema cannot express: a threshold in [1/2, 1], floors in (0, 1]. */
export function checkRule(rule: Rule): Result<Rule, RuleError> {
  const floorList = rule.kind === 'plurality' ? [rule.turnoutFloor] : [rule.turnoutFloor, rule.supportOfEligibleFloor];
  for (const f of floorList) {
    if (f !== undefined && (f.numerator === 0 || !atMost(f, ONE))) return err('floor_out_of_range', 'a floor must be in (0, 1]');
  }
  if (rule.kind === 'supermajority' && !(atMost(HALF, rule.threshold) && atMost(rule.threshold, ONE))) {
    return err('threshold_out_of_range', 'a supermajority threshold must be in [1/2, 1]');
  }
  return ok(rule);
}

/** Tally of one question: per option in manifest order (yes/no questions: [yes, no]) and blanks. */
export type QuestionCounts = { readonly options: readonly number[]; readonly blank: number };
/** Voters whose ballot counted (after the revote policy) and the roll size at the record date. */
export type Turnout = { readonly eligible: number; readonly voted: number };

/** A share as compared: the denominator may be 0 (nothing cast), and then no requirement is met. */
export type Share = { readonly numerator: number; readonly denominator: number };
export type RuleCheck = {
  readonly kind: 'turnout_floor' | 'majority' | 'support_of_eligible_floor';
  readonly value: Share;
  readonly comparison: 'greater_than' | 'at_least';
  readonly required: Rational;
  readonly met: boolean;
};

export type Outcome =
  | { readonly kind: 'passed' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'turnout_not_met' }
  | { readonly kind: 'support_floor_not_met' }
  /** Plurality: exactly `seats` winners, option indices by descending count (then index). */
  | { readonly kind: 'elected'; readonly winners: readonly number[] }
  /** Plurality: `elected` are certain; `openSeats` seats remain among the equal-count `tied` options. */
  | { readonly kind: 'tie'; readonly elected: readonly number[]; readonly tied: readonly number[]; readonly openSeats: number }
  /** Plurality: no option received a vote. */
  | { readonly kind: 'no_votes' };
export type OutcomeKind = Outcome['kind'];

export type Evaluation = { readonly outcome: Outcome; readonly checks: readonly RuleCheck[] };
export type EvaluationError = 'invalid_counts' | 'counts_mismatch' | 'inconsistent_counts';

/** Exact comparison by cross-multiplication: value > required or value >= required, with value.d > 0. */
export function compareShare(value: Share, comparison: RuleCheck['comparison'], required: Rational): boolean {
  if (value.denominator === 0) return false;
  const lhs = BigInt(value.numerator) * BigInt(required.denominator);
  const rhs = BigInt(required.numerator) * BigInt(value.denominator);
  return comparison === 'greater_than' ? lhs > rhs : lhs >= rhs;
}

const check = (kind: RuleCheck['kind'], value: Share, comparison: RuleCheck['comparison'], required: Rational): RuleCheck => ({
  kind,
  value,
  comparison,
  required,
  met: compareShare(value, comparison, required),
});

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

function validateCounts(rule: Rule, counts: QuestionCounts, turnout: Turnout): Result<true, EvaluationError> {
  if (![...counts.options, counts.blank, turnout.eligible, turnout.voted].every(isCount)) {
    return err('invalid_counts', 'counts must be non-negative safe integers');
  }
  if (rule.kind === 'plurality' ? counts.options.length < rule.seats : counts.options.length !== 2) {
    return err('counts_mismatch', `${counts.options.length} option counts do not fit a ${rule.kind} rule`);
  }
  if (turnout.voted > turnout.eligible) return err('inconsistent_counts', 'more voters than eligible members');
  const perBallot = rule.kind === 'plurality' ? Math.max(...counts.options) + counts.blank : counts.options[0]! + counts.options[1]! + counts.blank;
  if (perBallot > turnout.voted) return err('inconsistent_counts', 'more votes on the question than voters');
  return ok(true);
}

/** Evaluates `rule` on a question's counts (docs/protocol.md, "Rule evaluation"). */
export function evaluateRule(rule: Rule, counts: QuestionCounts, turnout: Turnout): Result<Evaluation, EvaluationError> {
  const valid = validateCounts(rule, counts, turnout);
  if (!valid.ok) return valid;
  const checks: RuleCheck[] = [];
  if (rule.turnoutFloor !== undefined) {
    checks.push(check('turnout_floor', { numerator: turnout.voted, denominator: turnout.eligible }, 'at_least', rule.turnoutFloor));
  }
  const turnoutMet = checks.every((c) => c.met);
  switch (rule.kind) {
    case 'ratification':
    case 'supermajority': {
      const [yes, no] = counts.options as readonly [number, number];
      const counted = yes + no + (rule.blankPolicy === 'counts_against' ? counts.blank : 0);
      const share = { numerator: yes, denominator: counted };
      const majority =
        rule.kind === 'ratification' ? check('majority', share, 'greater_than', HALF) : check('majority', share, 'at_least', rule.threshold);
      checks.push(majority);
      const support = rule.supportOfEligibleFloor;
      const supportCheck = support && check('support_of_eligible_floor', { numerator: yes, denominator: turnout.eligible }, 'at_least', support);
      if (supportCheck) checks.push(supportCheck);
      const outcome: Outcome = !turnoutMet
        ? { kind: 'turnout_not_met' }
        : !majority.met
          ? { kind: 'failed' }
          : supportCheck && !supportCheck.met
            ? { kind: 'support_floor_not_met' }
            : { kind: 'passed' };
      return ok({ outcome, checks });
    }
    case 'plurality':
      return ok({ outcome: turnoutMet ? plurality(counts.options, rule.seats) : { kind: 'turnout_not_met' }, checks });
    default:
      return assertNever(rule);
  }
}

function plurality(options: readonly number[], seats: number): Outcome {
  if (options.every((c) => c === 0)) return { kind: 'no_votes' };
  const ranked = options.map((count, index) => ({ count, index })).sort((a, b) => b.count - a.count || a.index - b.index);
  if (seats >= ranked.length) return { kind: 'elected', winners: ranked.map((r) => r.index) };
  const cut = ranked[seats - 1]!.count;
  if (ranked[seats]!.count !== cut) return { kind: 'elected', winners: ranked.slice(0, seats).map((r) => r.index) };
  const elected = ranked.filter((r) => r.count > cut).map((r) => r.index);
  const tied = ranked.filter((r) => r.count === cut).map((r) => r.index);
  return { kind: 'tie', elected, tied, openSeats: seats - elected.length };
}

/** Outcome kinds a rule can produce (used to validate follow-ups in a manifest). */
export function possibleOutcomes(rule: Rule): readonly OutcomeKind[] {
  const turnout: readonly OutcomeKind[] = rule.turnoutFloor ? ['turnout_not_met'] : [];
  if (rule.kind === 'plurality') return ['elected', 'tie', 'no_votes', ...turnout];
  return ['passed', 'failed', ...turnout, ...(rule.supportOfEligibleFloor ? (['support_floor_not_met'] as const) : [])];
}

export type Language = 'en' | 'es';

const NAMED: Record<string, { readonly en: string; readonly es: string }> = {
  '2/3': { en: 'two thirds', es: 'dos tercios' },
  '1/3': { en: 'one third', es: 'un tercio' },
};

/** "75%" when the fraction is an exact percentage with at most two decimals, else "two thirds" or "5/7". */
export function formatRational(r: Rational, lang: Language): string {
  const scaled = BigInt(r.numerator) * 10000n;
  const d = BigInt(r.denominator);
  if (scaled % d === 0n) {
    const basisPoints = scaled / d;
    const whole = basisPoints / 100n;
    const frac = (basisPoints % 100n).toString().padStart(2, '0').replace(/0+$/, '');
    const sep = lang === 'en' ? '.' : ',';
    return `${whole}${frac ? sep + frac : ''}${lang === 'en' ? '%' : ' %'}`;
  }
  const named = NAMED[`${r.numerator}/${r.denominator}`];
  return named ? named[lang] : `${r.numerator}/${r.denominator}`;
}

/** The rule in plain words, for the booth and the results page. */
/** `blankAllowed: false`: the ballot has no blank choice, so the words say nothing about blank ballots. */
export function describeRule(rule: Rule, lang: Language, question?: { readonly blankAllowed: boolean }): string {
  const en = lang === 'en';
  const parts: string[] = [];
  const cast =
    rule.kind === 'plurality'
      ? ''
      : question?.blankAllowed === false
        ? en ? 'of the yes and no votes cast' : 'de los votos sí y no emitidos'
      : rule.blankPolicy === 'excluded'
        ? en ? 'of the yes and no votes cast (blank ballots are not counted)' : 'de los votos sí y no emitidos (los votos en blanco no se cuentan)'
        : en ? 'of all votes cast on this question (blank ballots count against)' : 'de todos los votos emitidos en esta pregunta (los votos en blanco cuentan en contra)';
  switch (rule.kind) {
    case 'ratification':
      parts.push(en ? `Passes with more than half ${cast}; a tie fails.` : `Se aprueba con más de la mitad ${cast}; un empate no aprueba.`);
      break;
    case 'supermajority': {
      const t = formatRational(rule.threshold, lang);
      parts.push(en ? `Passes with at least ${t} ${cast}.` : `Se aprueba con al menos ${t} ${cast}.`);
      break;
    }
    case 'plurality':
      parts.push(
        rule.seats === 1
          ? en ? 'The option with the most votes wins; a tie is reported, not broken.' : 'Gana la opción con más votos; un empate se informa, no se resuelve.'
          : en ? `The ${rule.seats} options with the most votes win; a tie for the last seat is reported, not broken.` : `Ganan las ${rule.seats} opciones con más votos; un empate por el último puesto se informa, no se resuelve.`,
      );
      break;
    default:
      assertNever(rule);
  }
  if (rule.turnoutFloor) {
    const f = formatRational(rule.turnoutFloor, lang);
    parts.push(en ? `At least ${f} of eligible members must vote.` : `Debe votar al menos ${f} de los miembros con derecho a voto.`);
  }
  if (rule.kind !== 'plurality' && rule.supportOfEligibleFloor) {
    const f = formatRational(rule.supportOfEligibleFloor, lang);
    parts.push(en ? `At least ${f} of all eligible members must vote yes.` : `Al menos ${f} de todos los miembros con derecho a voto debe votar sí.`);
  }
  return parts.join(' ');
}
