// evaluateRule agrees with a slow, independently written reference on random counts, rules and
// floors, including counts chosen right at each threshold (where a float would go wrong).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unwrap } from '@ratify/crypto';
import { evaluateRule, type Outcome, type Rational, type Rule } from '../src/index.ts';

// Reference: "value >= n/d" as value.num * d >= n * value.den with bigint; a share of 0/0 never qualifies.
const atLeast = (num: number, den: number, t: Rational) => den > 0 && BigInt(num) * BigInt(t.denominator) >= BigInt(t.numerator) * BigInt(den);

function referenceYesNo(rule: Exclude<Rule, { kind: 'plurality' }>, yes: number, no: number, blank: number, voted: number, eligible: number): Outcome['kind'] {
  if (rule.turnoutFloor && !atLeast(voted, eligible, rule.turnoutFloor)) return 'turnout_not_met';
  const counted = rule.blankPolicy === 'counts_against' ? yes + no + blank : yes + no;
  const majority = rule.kind === 'ratification' ? counted > 0 && 2n * BigInt(yes) > BigInt(counted) : atLeast(yes, counted, rule.threshold);
  if (!majority) return 'failed';
  if (rule.supportOfEligibleFloor && !atLeast(yes, eligible, rule.supportOfEligibleFloor)) return 'support_floor_not_met';
  return 'passed';
}

function referencePlurality(options: readonly number[], seats: number): Outcome {
  if (options.every((c) => c === 0)) return { kind: 'no_votes' };
  const above = (c: number) => options.filter((x) => x > c).length;
  const equal = (c: number) => options.filter((x) => x === c).length;
  const sure = options.map((c, i) => ({ c, i })).filter(({ c }) => above(c) + equal(c) <= seats);
  const tied = options.map((c, i) => ({ c, i })).filter(({ c }) => above(c) < seats && above(c) + equal(c) > seats);
  const byCount = (a: { c: number; i: number }, b: { c: number; i: number }) => b.c - a.c || a.i - b.i;
  if (tied.length === 0) return { kind: 'elected', winners: sure.sort(byCount).map((x) => x.i) };
  return { kind: 'tie', elected: sure.sort(byCount).map((x) => x.i), tied: tied.map((x) => x.i), openSeats: seats - sure.length };
}

const rational = (min: 'half' | 'zero') =>
  fc.integer({ min: 1, max: 1000 }).chain((d) =>
    fc.integer({ min: min === 'half' ? Math.ceil(d / 2) : 1, max: d }).map((n): Rational => ({ numerator: n, denominator: d })),
  );
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const yesNoRule: fc.Arbitrary<Exclude<Rule, { kind: 'plurality' }>> = fc
  .record({
    kind: fc.constantFrom('ratification' as const, 'supermajority' as const),
    threshold: rational('half'),
    blankPolicy: fc.constantFrom('excluded' as const, 'counts_against' as const),
    turnoutFloor: optional(rational('zero')),
    supportOfEligibleFloor: optional(rational('zero')),
  })
  .map(({ kind, threshold, blankPolicy, turnoutFloor, supportOfEligibleFloor }) => ({
    ...(kind === 'ratification' ? { kind, blankPolicy } : { kind, threshold, blankPolicy }),
    ...(turnoutFloor ? { turnoutFloor } : {}),
    ...(supportOfEligibleFloor ? { supportOfEligibleFloor } : {}),
  }));

/** yes/no/blank/voted/eligible, consistent, sometimes placed exactly at the threshold. */
const yesNoCounts = (rule: Exclude<Rule, { kind: 'plurality' }>) =>
  fc.record({ no: fc.nat(2000), blank: fc.nat(50), extraVoters: fc.nat(100), extraEligible: fc.nat(3000), yes: fc.nat(4000), nudge: fc.integer({ min: -1, max: 1 }), atBoundary: fc.boolean() }).map((c) => {
    let yes = c.yes;
    if (c.atBoundary && rule.kind === 'supermajority') {
      // smallest yes with yes/(yes+no) >= n/d, i.e. yes*(d-n) >= n*no; then nudge by -1, 0 or +1.
      const { numerator: n, denominator: d } = rule.threshold;
      const exact = d === n ? c.no * 1000 : Math.ceil((n * c.no) / (d - n));
      yes = Math.max(0, exact + c.nudge);
    }
    const voted = yes + c.no + c.blank + c.extraVoters;
    return { yes, no: c.no, blank: c.blank, voted, eligible: voted + c.extraEligible };
  });

describe('evaluateRule agrees with the reference', () => {
  it('yes/no rules', () => {
    fc.assert(
      fc.property(yesNoRule.chain((rule) => fc.tuple(fc.constant(rule), yesNoCounts(rule))), ([rule, c]) => {
        const got = unwrap(evaluateRule(rule, { options: [c.yes, c.no], blank: c.blank }, { eligible: c.eligible, voted: c.voted }));
        expect(got.outcome.kind).toBe(referenceYesNo(rule, c.yes, c.no, c.blank, c.voted, c.eligible));
      }),
      { numRuns: 2000 },
    );
  });

  it('plurality', () => {
    const arb = fc.array(fc.nat(6), { minLength: 1, maxLength: 8 }).chain((options) =>
      fc.tuple(fc.constant(options), fc.integer({ min: 1, max: options.length })),
    );
    fc.assert(
      fc.property(arb, ([options, seats]) => {
        const voted = options.reduce((a, b) => a + b, 0);
        const got = unwrap(evaluateRule({ kind: 'plurality', seats }, { options, blank: 0 }, { eligible: voted, voted }));
        expect(got.outcome).toEqual(referencePlurality(options, seats));
      }),
      { numRuns: 2000 },
    );
  });
});
