// Offer comparison: a rule table for each value kind and direction, mismatches reported and never
// compared, and fast-check properties: swapping baseline and offer mirrors every verdict (better ↔
// worse, missing_in_baseline ↔ missing_in_offer), and an offer compared with itself is all equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import {
  compareOffers, compareTerms, createOffer, mirrorVerdict, DIRECTIONS, type Direction, type Offer, type Term, type TermValue,
} from '../src/bargaining/index.ts';

const term = (key: string, value: TermValue, direction: Direction = 'higher_is_better'): Term => ({ key, label: key, value, direction });
const pct = (basisPoints: number): TermValue => ({ kind: 'percent', basisPoints });
const usd = (minorUnits: number, currency = 'USD'): TermValue => ({ kind: 'money', currency, minorUnits });
const offer = (id: string, terms: readonly Term[]): Offer =>
  unwrap(createOffer({ id, contractId: 'c', kind: 'agreement', title: id, madeBy: 'both parties', madeOn: '2008-07-01', finalOffer: false, terms }));

describe('compareTerms: the rule table', () => {
  it.each([
    ['higher percent, higher is better', term('w', pct(350)), term('w', pct(300)), 'better'],
    ['lower percent, higher is better', term('w', pct(300)), term('w', pct(350)), 'worse'],
    ['lower money, lower is better', term('p', usd(100), 'lower_is_better'), term('p', usd(150), 'lower_is_better'), 'better'],
    ['one minor unit more, higher is better', term('m', usd(100_001)), term('m', usd(100_000)), 'better'],
    ['same value', term('w', pct(300)), term('w', pct(300)), 'equal'],
    ['no direction, different value', term('w', pct(300), 'none'), term('w', pct(350), 'none'), 'different'],
    ['text differs', term('t', { kind: 'text', text: 'a' }, 'none'), term('t', { kind: 'text', text: 'b' }, 'none'), 'different'],
    ['text differs, even with a direction', term('t', { kind: 'text', text: 'a' }), term('t', { kind: 'text', text: 'b' }), 'different'],
    ['later date, higher is better', term('d', { kind: 'date', date: '2011-06-30' }), term('d', { kind: 'date', date: '2011-06-29' }), 'better'],
    ['boolean true, higher is better', term('b', { kind: 'boolean', value: true }), term('b', { kind: 'boolean', value: false }), 'better'],
    ['integer, lower is better', term('n', { kind: 'integer', value: 30, unit: 'days' }, 'lower_is_better'), term('n', { kind: 'integer', value: 60, unit: 'days' }, 'lower_is_better'), 'better'],
    ['percent vs money', term('x', pct(300)), term('x', usd(300)), 'type_mismatch'],
    ['USD vs CAD', term('x', usd(300)), term('x', usd(300, 'CAD')), 'currency_mismatch'],
    ['days vs months', term('n', { kind: 'integer', value: 3, unit: 'months' }), term('n', { kind: 'integer', value: 3, unit: 'days' }), 'unit_mismatch'],
    ['directions disagree', term('w', pct(350), 'lower_is_better'), term('w', pct(300)), 'direction_mismatch'],
  ] as const)('%s → %s', (_name, offered, baseline, verdict) => {
    expect(compareTerms(baseline, offered)).toBe(verdict);
  });

  it('reports a term on one side only as missing, and nothing when neither side has it', () => {
    expect(compareTerms(undefined, term('w', pct(1)))).toBe('missing_in_baseline');
    expect(compareTerms(term('w', pct(1)), undefined)).toBe('missing_in_offer');
    expect(compareTerms(undefined, undefined)).toBeUndefined();
  });
});

describe('compareOffers', () => {
  it('puts the baseline terms first, then terms only others have, with per-offer counts', () => {
    const base = offer('final', [term('wage', pct(350)), term('nm', pct(120)), term('term', { kind: 'integer', value: 36, unit: 'months' }, 'none')]);
    const a = offer('aftra', [term('wage', pct(350)), term('nm', pct(100)), term('jur', { kind: 'boolean', value: true })]);
    const b = offer('dga', [term('wage', pct(300)), term('nm', pct(120)), term('term', { kind: 'integer', value: 36, unit: 'months' }, 'none')]);
    const c = compareOffers(base, [a, b]);
    expect(c.rows.map((r) => r.key)).toEqual(['wage', 'nm', 'term', 'jur']);
    expect(c.rows.map((r) => r.cells.map((x) => x.verdict))).toEqual([
      ['equal', 'worse'],
      ['worse', 'equal'],
      ['missing_in_offer', 'equal'],
      ['missing_in_baseline', undefined],
    ]);
    expect(c.counts[0]).toMatchObject({ equal: 1, worse: 1, missing_in_offer: 1, missing_in_baseline: 1, better: 0 });
    expect(c.counts[1]).toMatchObject({ equal: 2, worse: 1, better: 0 });
    expect(c.rows[3]!.label).toBe('jur');
  });
});

// --- properties ---
const currency = fc.constantFrom('USD', 'CAD');
const valueArb: fc.Arbitrary<TermValue> = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }).map(pct),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), currency).map(([n, c]) => usd(n, c)),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d): TermValue => ({ kind: 'date', date: d.toISOString().slice(0, 10) })),
  fc.constantFrom('a', 'b', 'same').map((text): TermValue => ({ kind: 'text', text })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.constantFrom(undefined, 'days', 'months')).map(([value, unit]): TermValue =>
    unit === undefined ? { kind: 'integer', value } : { kind: 'integer', value, unit }),
  fc.boolean().map((value): TermValue => ({ kind: 'boolean', value })),
);
const termArb = (key: string) => fc.tuple(valueArb, fc.constantFrom(...DIRECTIONS)).map(([v, d]) => term(key, v, d));
const maybeTerm = (key: string) => fc.option(termArb(key), { nil: undefined });
const keys = ['a', 'b', 'c', 'd', 'e'];
const offerArb = (id: string) => fc.tuple(...keys.map(maybeTerm)).map((ts) => offer(id, ts.filter((t): t is Term => t !== undefined)));

describe('comparison properties', () => {
  it('swapping baseline and offer mirrors the verdict (better ↔ worse, missing sides swap)', () => {
    fc.assert(
      fc.property(maybeTerm('k'), maybeTerm('k'), (x, y) => {
        const forward = compareTerms(x, y);
        const backward = compareTerms(y, x);
        expect(backward).toBe(forward === undefined ? undefined : mirrorVerdict(forward));
      }),
      { numRuns: 2000 },
    );
  });

  it('a term compared with itself is equal, and an offer with itself is all equal', () => {
    fc.assert(fc.property(termArb('k'), (t) => {
      expect(compareTerms(t, t)).toBe('equal');
    }));
    fc.assert(
      fc.property(offerArb('x'), (o) => {
        const c = compareOffers(o, [o]);
        expect(c.rows.every((r) => r.cells[0]!.verdict === 'equal')).toBe(true);
        expect(c.counts[0]!.equal).toBe(o.terms.length);
      }),
    );
  });

  it('offer-level comparison mirrors too, cell by cell', () => {
    fc.assert(
      fc.property(offerArb('p'), offerArb('q'), (p, q) => {
        const pq = compareOffers(p, [q]);
        const qp = compareOffers(q, [p]);
        for (const row of pq.rows) {
          const back = qp.rows.find((r) => r.key === row.key)!;
          const v = row.cells[0]!.verdict;
          expect(back.cells[0]!.verdict).toBe(v === undefined ? undefined : mirrorVerdict(v));
        }
        expect(new Set(pq.rows.map((r) => r.key))).toEqual(new Set(qp.rows.map((r) => r.key)));
      }),
    );
  });

  it('a better verdict agrees with exact integer order for every percent and money pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e12, max: 1e12 }), (a, b) => {
        const v = compareTerms(term('m', usd(b)), term('m', usd(a)));
        expect(v).toBe(a > b ? 'better' : a < b ? 'worse' : 'equal');
      }),
    );
  });
});
