// Offer comparison (docs/bargaining.md, "Comparison"): two or more offers or agreements side by
// side, term by term (paired by key), each against a chosen baseline. Exact: integers only, and
// values of different types, currencies, units or directions are reported as mismatches, never
// compared. compareTermValues(a, b) and compareTermValues(b, a) are mirror images (better ↔ worse,
// missing_in_baseline ↔ missing_in_offer); a term compared with itself is equal. Pure.
import type { Offer } from './offer.ts';
import type { Direction, Term, TermValue } from './terms.ts';

export type Verdict =
  /** Same value. */
  | 'equal'
  /** Better for the members than the baseline, by the term's direction. */
  | 'better'
  | 'worse'
  /** Not the same value, and the term has no direction (text, or direction none). */
  | 'different'
  /** The offer has the term, the baseline does not. */
  | 'missing_in_baseline'
  /** The baseline has the term, the offer does not. */
  | 'missing_in_offer'
  /** Values of different kinds (e.g. a percentage against money). */
  | 'type_mismatch'
  | 'currency_mismatch'
  | 'unit_mismatch'
  /** The two sides disagree on which way is better. */
  | 'direction_mismatch';

export const VERDICTS = [
  'equal', 'better', 'worse', 'different', 'missing_in_baseline', 'missing_in_offer', 'type_mismatch', 'currency_mismatch', 'unit_mismatch', 'direction_mismatch',
] as const satisfies readonly Verdict[];

/** The verdict seen from the other side (swap baseline and offer). */
export function mirrorVerdict(v: Verdict): Verdict {
  switch (v) {
    case 'better':
      return 'worse';
    case 'worse':
      return 'better';
    case 'missing_in_baseline':
      return 'missing_in_offer';
    case 'missing_in_offer':
      return 'missing_in_baseline';
    default:
      return v;
  }
}

/** -1, 0, 1 for two values of the same kind, or a mismatch / 'different' when they cannot be ordered. */
function order(a: TermValue, b: TermValue): -1 | 0 | 1 | 'type_mismatch' | 'currency_mismatch' | 'unit_mismatch' | 'unordered' {
  const cmp = (x: number | string, y: number | string): -1 | 0 | 1 => (x < y ? -1 : x > y ? 1 : 0);
  switch (a.kind) {
    case 'percent':
      return b.kind === 'percent' ? cmp(a.basisPoints, b.basisPoints) : 'type_mismatch';
    case 'money':
      if (b.kind !== 'money') return 'type_mismatch';
      return a.currency !== b.currency ? 'currency_mismatch' : cmp(a.minorUnits, b.minorUnits);
    case 'date':
      return b.kind === 'date' ? cmp(a.date, b.date) : 'type_mismatch';
    case 'integer':
      if (b.kind !== 'integer') return 'type_mismatch';
      return (a.unit ?? '') !== (b.unit ?? '') ? 'unit_mismatch' : cmp(a.value, b.value);
    case 'boolean':
      return b.kind === 'boolean' ? cmp(a.value ? 1 : 0, b.value ? 1 : 0) : 'type_mismatch';
    case 'text':
      return b.kind !== 'text' ? 'type_mismatch' : a.text === b.text ? 0 : 'unordered';
  }
}

/** Compares one term of an offer against the same term of the baseline (either may be absent). */
export function compareTerms(baseline: Term | undefined, offer: Term | undefined): Verdict | undefined {
  if (baseline === undefined) return offer === undefined ? undefined : 'missing_in_baseline';
  if (offer === undefined) return 'missing_in_offer';
  const o = order(offer.value, baseline.value);
  if (o === 'type_mismatch' || o === 'currency_mismatch' || o === 'unit_mismatch') return o;
  if (o === 0) return baseline.direction === offer.direction ? 'equal' : 'direction_mismatch';
  if (baseline.direction !== offer.direction) return 'direction_mismatch';
  if (o === 'unordered') return 'different';
  return directed(baseline.direction, o);
}

function directed(direction: Direction, o: -1 | 1): Verdict {
  switch (direction) {
    case 'none':
      return 'different';
    case 'higher_is_better':
      return o === 1 ? 'better' : 'worse';
    case 'lower_is_better':
      return o === 1 ? 'worse' : 'better';
  }
}

export type ComparisonCell = { readonly offerId: string; readonly term?: Term; readonly verdict?: Verdict };
export type ComparisonRow = {
  readonly key: string;
  /** The baseline's label, else the first offer's that has the term. */
  readonly label: string;
  readonly baseline?: Term;
  /** One cell per compared offer, in the order given; verdict absent when neither side has the term. */
  readonly cells: readonly ComparisonCell[];
};
export type VerdictCounts = { readonly [V in Verdict]: number };
export type Comparison = {
  readonly baselineId: string;
  readonly offerIds: readonly string[];
  readonly rows: readonly ComparisonRow[];
  /** Per compared offer (same order as offerIds): how many terms got each verdict. */
  readonly counts: readonly VerdictCounts[];
};

const zeroCounts = (): { [V in Verdict]: number } => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as { [V in Verdict]: number };

/**
 * Compares `offers` against `baseline`, term by term. Rows: the baseline's terms in its order, then
 * terms only the other offers have, in order of first appearance.
 */
export function compareOffers(baseline: Offer, offers: readonly Offer[]): Comparison {
  const keys: string[] = baseline.terms.map((t) => t.key);
  for (const o of offers) for (const t of o.terms) if (!keys.includes(t.key)) keys.push(t.key);
  const byKey = (o: Offer) => new Map(o.terms.map((t) => [t.key, t] as const));
  const base = byKey(baseline);
  const others = offers.map(byKey);
  const counts = offers.map(zeroCounts);
  const rows = keys.map((key): ComparisonRow => {
    const b = base.get(key);
    const cells = offers.map((o, i): ComparisonCell => {
      const t = others[i]!.get(key);
      const verdict = compareTerms(b, t);
      if (verdict !== undefined) counts[i]![verdict]++;
      return { offerId: o.id, ...(t !== undefined ? { term: t } : {}), ...(verdict !== undefined ? { verdict } : {}) };
    });
    const label = b?.label ?? cells.find((c) => c.term !== undefined)?.term?.label ?? key;
    return { key, label, ...(b !== undefined ? { baseline: b } : {}), cells };
  });
  return { baselineId: baseline.id, offerIds: offers.map((o) => o.id), rows, counts };
}
