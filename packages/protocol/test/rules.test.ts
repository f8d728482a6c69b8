// Rule evaluation at the boundaries (table-driven), rule range checks and plain-words descriptions.
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import { checkRule, describeRule, evaluateRule, formatRational, type OutcomeKind, type Rule } from '../src/index.ts';

const r = (numerator: number, denominator: number) => ({ numerator, denominator });
const ratification: Rule = { kind: 'ratification', blankPolicy: 'excluded' };
const ratificationBlankAgainst: Rule = { kind: 'ratification', blankPolicy: 'counts_against' };
const sag75: Rule = { kind: 'supermajority', threshold: r(3, 4), blankPolicy: 'excluded' };
const uaw: Rule = { kind: 'supermajority', threshold: r(2, 3), blankPolicy: 'excluded' };
const ukTurnout: Rule = { kind: 'ratification', blankPolicy: 'excluded', turnoutFloor: r(1, 2) };
const ukPublic: Rule = { kind: 'ratification', blankPolicy: 'excluded', turnoutFloor: r(1, 2), supportOfEligibleFloor: r(2, 5) };
const sag75BlankAgainst: Rule = { ...sag75, blankPolicy: 'counts_against' };

// [name, rule, yes, no, blank, voted, eligible, outcome]
type Row = readonly [string, Rule, number, number, number, number, number, OutcomeKind];
const table: readonly Row[] = [
  ['ratification: one more yes than no passes', ratification, 51, 50, 0, 101, 200, 'passed'],
  ['ratification: a tie fails', ratification, 50, 50, 0, 100, 200, 'failed'],
  ['ratification: zero votes cast fails', ratification, 0, 0, 0, 0, 200, 'failed'],
  ['ratification: only blanks fails', ratification, 0, 0, 7, 7, 200, 'failed'],
  ['ratification: blanks excluded do not hurt', ratification, 51, 49, 10, 110, 200, 'passed'],
  ['ratification: blanks counting against can sink it', ratificationBlankAgainst, 51, 49, 10, 110, 200, 'failed'],
  ['ratification: blanks counting against, still a majority', ratificationBlankAgainst, 61, 49, 10, 120, 200, 'passed'],
  ['ratification: blanks counting against, exactly half fails', ratificationBlankAgainst, 60, 50, 10, 120, 200, 'failed'],
  ['3/4: 75/25 passes (exactly 75%)', sag75, 75, 25, 0, 100, 200, 'passed'],
  ['3/4: 7499/2501 fails (74.99%)', sag75, 7499, 2501, 0, 10000, 20000, 'failed'],
  ['3/4: 7500/2500 passes', sag75, 7500, 2500, 0, 10000, 20000, 'passed'],
  ['3/4: 3/1 passes', sag75, 3, 1, 0, 4, 4, 'passed'],
  ['3/4: zero votes cast fails', sag75, 0, 0, 0, 0, 10, 'failed'],
  ['3/4: blanks excluded, 75/25 + 10 blank passes', sag75, 75, 25, 10, 110, 200, 'passed'],
  ['3/4: blanks counting against, 75/25 + 10 blank fails', sag75BlankAgainst, 75, 25, 10, 110, 200, 'failed'],
  ['3/4: blanks counting against, 90/20 + 10 blank passes (exactly 75%)', sag75BlankAgainst, 90, 20, 10, 120, 200, 'passed'],
  ['2/3 (UAW): 2/1 passes (exactly two thirds)', uaw, 2, 1, 0, 3, 10, 'passed'],
  ['2/3 (UAW): 666/334 fails', uaw, 666, 334, 0, 1000, 2000, 'failed'],
  ['2/3 (UAW): 667/333 passes', uaw, 667, 333, 0, 1000, 2000, 'passed'],
  ['2/3 (UAW): 1.4M voters, one short of two thirds', uaw, 933_333, 466_668, 0, 1_400_001, 1_400_001, 'failed'],
  ['2/3 (UAW): 1.4M voters, exactly two thirds', uaw, 933_334, 466_667, 0, 1_400_001, 1_400_001, 'passed'],
  ['turnout floor exactly at 50% is met', ukTurnout, 60, 40, 0, 100, 200, 'passed'],
  ['turnout floor one voter short', ukTurnout, 60, 39, 0, 99, 200, 'turnout_not_met'],
  ['turnout not met takes precedence over failing', ukTurnout, 10, 89, 0, 99, 200, 'turnout_not_met'],
  ['turnout floor, odd eligible: 50/101 is short', ukTurnout, 50, 0, 0, 50, 101, 'turnout_not_met'],
  ['turnout floor, odd eligible: 51/101 is met', ukTurnout, 51, 0, 0, 51, 101, 'passed'],
  ['support floor 40%: yes exactly 40% of eligible passes', ukPublic, 40, 20, 0, 60, 100, 'passed'],
  ['support floor 40%: yes 39% of eligible', ukPublic, 39, 21, 0, 60, 100, 'support_floor_not_met'],
  ['support floor 40%: a failed majority reports failed', ukPublic, 39, 40, 0, 79, 100, 'failed'],
  ['support floor 40%: turnout short first', ukPublic, 45, 4, 0, 49, 100, 'turnout_not_met'],
];

describe('evaluateRule: yes/no rules at the boundaries', () => {
  it.each(table)('%s', (_, rule, yes, no, blank, voted, eligible, expected) => {
    const e = unwrap(evaluateRule(rule, { options: [yes, no], blank }, { eligible, voted }));
    expect(e.outcome.kind).toBe(expected);
  });

  it('reports the exact numbers it compared', () => {
    const e = unwrap(evaluateRule(ukPublic, { options: [40, 20], blank: 5 }, { eligible: 100, voted: 65 }));
    expect(e.checks).toEqual([
      { kind: 'turnout_floor', value: r(65, 100), comparison: 'at_least', required: r(1, 2), met: true },
      { kind: 'majority', value: r(40, 60), comparison: 'greater_than', required: r(1, 2), met: true },
      { kind: 'support_of_eligible_floor', value: r(40, 100), comparison: 'at_least', required: r(2, 5), met: true },
    ]);
    const blankAgainst = unwrap(evaluateRule(sag75BlankAgainst, { options: [75, 25], blank: 10 }, { eligible: 200, voted: 110 }));
    expect(blankAgainst.checks).toEqual([{ kind: 'majority', value: r(75, 110), comparison: 'at_least', required: r(3, 4), met: false }]);
  });
});

describe('evaluateRule: plurality', () => {
  const seats = (n: number, turnoutFloor?: ReturnType<typeof r>): Rule => (turnoutFloor ? { kind: 'plurality', seats: n, turnoutFloor } : { kind: 'plurality', seats: n });
  const run = (rule: Rule, options: number[], voted = 100, eligible = 100) => unwrap(evaluateRule(rule, { options, blank: 0 }, { eligible, voted })).outcome;

  it('elects the top seats, ordered by count then option order', () => {
    expect(run(seats(2), [10, 30, 20, 5])).toEqual({ kind: 'elected', winners: [1, 2] });
    expect(run(seats(1), [10, 30, 20, 5])).toEqual({ kind: 'elected', winners: [1] });
    expect(run(seats(2), [20, 30, 20, 5])).toEqual({ kind: 'tie', elected: [1], tied: [0, 2], openSeats: 1 });
  });

  it('reports a tie at the cut instead of picking', () => {
    expect(run(seats(1), [30, 30, 5])).toEqual({ kind: 'tie', elected: [], tied: [0, 1], openSeats: 1 });
    expect(run(seats(2), [30, 30, 30, 5])).toEqual({ kind: 'tie', elected: [], tied: [0, 1, 2], openSeats: 2 });
    expect(run(seats(3), [9, 5, 5, 5, 1])).toEqual({ kind: 'tie', elected: [0], tied: [1, 2, 3], openSeats: 2 });
  });

  it('a tie above the cut is not a tie', () => {
    expect(run(seats(2), [30, 30, 5])).toEqual({ kind: 'elected', winners: [0, 1] });
  });

  it('all options elected when seats equal options; no votes at all is its own outcome', () => {
    expect(run(seats(2), [0, 4])).toEqual({ kind: 'elected', winners: [1, 0] });
    expect(run(seats(1), [0, 0, 0], 0)).toEqual({ kind: 'no_votes' });
  });

  it('applies the turnout floor', () => {
    expect(run(seats(1, r(1, 2)), [30, 10], 49, 100)).toEqual({ kind: 'turnout_not_met' });
    expect(run(seats(1, r(1, 2)), [30, 10], 50, 100)).toEqual({ kind: 'elected', winners: [0] });
  });
});

describe('evaluateRule: inconsistent input is an error, not an outcome', () => {
  it.each<[string, Rule, number[], number, number, number, string]>([
    ['negative count', ratification, [-1, 2], 0, 10, 10, 'invalid_counts'],
    ['fractional count', ratification, [1.5, 2], 0, 10, 10, 'invalid_counts'],
    ['three options for yes/no', ratification, [1, 2, 3], 0, 10, 10, 'counts_mismatch'],
    ['fewer options than seats', { kind: 'plurality', seats: 3 }, [1, 2], 0, 10, 10, 'counts_mismatch'],
    ['more voters than eligible', ratification, [1, 2], 0, 11, 10, 'inconsistent_counts'],
    ['more votes than voters', ratification, [5, 5], 1, 10, 20, 'inconsistent_counts'],
    ['an option with more votes than voters', { kind: 'plurality', seats: 1 }, [11, 2], 0, 10, 20, 'inconsistent_counts'],
  ])('%s', (_, rule, options, blank, voted, eligible, code) => {
    expect(evaluateRule(rule, { options, blank }, { eligible, voted })).toMatchObject({ ok: false, error: code });
  });
});

describe('checkRule', () => {
  it.each<[string, Rule, string | undefined]>([
    ['3/4 ok', sag75, undefined],
    ['1/2 ok', { ...sag75, threshold: r(1, 2) }, undefined],
    ['1/1 ok', { ...sag75, threshold: r(1, 1) }, undefined],
    ['below half', { ...sag75, threshold: r(49, 100) }, 'threshold_out_of_range'],
    ['above one', { ...sag75, threshold: r(5, 4) }, 'threshold_out_of_range'],
    ['zero floor', { ...ratification, turnoutFloor: r(0, 1) }, 'floor_out_of_range'],
    ['floor above one', { ...ratification, supportOfEligibleFloor: r(3, 2) }, 'floor_out_of_range'],
    ['plurality floor above one', { kind: 'plurality', seats: 1, turnoutFloor: r(2, 1) }, 'floor_out_of_range'],
  ])('%s', (_, rule, code) => {
    const result = checkRule(rule);
    expect(result.ok ? undefined : result.error).toBe(code);
  });
});

describe('describeRule', () => {
  it('states the rule in plain words, in English and Spanish', () => {
    expect(describeRule(sag75, 'en')).toBe('Passes with at least 75% of the yes and no votes cast (blank ballots are not counted).');
    expect(describeRule(sag75, 'es')).toBe('Se aprueba con al menos 75 % de los votos sí y no emitidos (los votos en blanco no se cuentan).');
    expect(describeRule(uaw, 'en')).toContain('at least two thirds');
    expect(describeRule(ratification, 'en')).toBe('Passes with more than half of the yes and no votes cast (blank ballots are not counted); a tie fails.');
    expect(describeRule(ratificationBlankAgainst, 'en')).toContain('blank ballots count against');
    // Without a blank choice on the ballot, nothing is said about blank ballots.
    expect(describeRule(sag75, 'en', { blankAllowed: false })).toBe('Passes with at least 75% of the yes and no votes cast.');
    expect(describeRule(ratificationBlankAgainst, 'es', { blankAllowed: false })).toBe('Se aprueba con más de la mitad de los votos sí y no emitidos; un empate no aprueba.');
    expect(describeRule(ukPublic, 'en')).toContain('At least 50% of eligible members must vote. At least 40% of all eligible members must vote yes.');
    expect(describeRule(ukPublic, 'es')).toContain('Debe votar al menos 50 % de los miembros con derecho a voto.');
    expect(describeRule({ kind: 'plurality', seats: 3 }, 'en')).toBe('The 3 options with the most votes win; a tie for the last seat is reported, not broken.');
    expect(describeRule({ kind: 'plurality', seats: 1 }, 'es')).toBe('Gana la opción con más votos; un empate se informa, no se resuelve.');
  });

  it.each<[number, number, string, string]>([
    [3, 4, '75%', '75 %'],
    [1, 2, '50%', '50 %'],
    [2, 3, 'two thirds', 'dos tercios'],
    [5, 7, '5/7', '5/7'],
    [7499, 10000, '74.99%', '74,99 %'],
    [11, 20, '55%', '55 %'],
    [1, 8, '12.5%', '12,5 %'],
  ])('formats %i/%i', (n, d, en, es) => {
    expect(formatRational(r(n, d), 'en')).toBe(en);
    expect(formatRational(r(n, d), 'es')).toBe(es);
  });
});
