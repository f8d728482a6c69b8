// Discrete log of g^m for a small m (a vote count), by baby-step giant-step (Shanks) with a
// precomputed table (docs/protocol.md §T9; Belenios and ElectionGuard 2.1 §3.6
// both recover tallies this way). Owns the table and the search; must not be used on secrets
// (it is variable time) and must not grow the table beyond ⌈√bound⌉ entries.
//
// Memory bound: the table holds m = ⌈√bound⌉ baby steps g^0 … g^(m−1), keyed by the element's
// canonical encoding as a 64-character hex string (one Map entry ≈ 64 + ~60 bytes of overhead).
// bound 10,000,000 → m = 3,163 entries (≈ 0.4 MB); bound 1,400,000 (largest roll) → 1,184 entries.
// Search cost: at most ⌈(bound+1)/m⌉ ≈ √bound giant steps, each one group addition + one encoding.
import { toHex } from './bytes.ts';
import type { Group, GroupElement } from './group.ts';
import { type Result, ok, err } from './result.ts';

export type DlogTable = {
  readonly group: Group;
  /** Largest m the table answers for (inclusive). */
  readonly bound: number;
  /** Number of baby steps m = ⌈√bound⌉ (at least 1). */
  readonly stepSize: number;
  /** encoding(g^j) → j for 0 ≤ j < stepSize. */
  readonly babySteps: ReadonlyMap<string, number>;
  /** −stepSize·g: one giant step. */
  readonly giantStep: GroupElement;
};

/** Largest supported bound: keeps every index a safe integer and the table near 100k entries. */
export const DLOG_MAX_BOUND = 10_000_000_000;

const keyOf = (group: Group, e: GroupElement): string => toHex(group.encodeElement(e));

/** Builds the baby-step table for 0 ≤ m ≤ bound. Throws on a bound outside [0, DLOG_MAX_BOUND]. */
export function createDlogTable(group: Group, bound: number): DlogTable {
  if (!Number.isSafeInteger(bound) || bound < 0 || bound > DLOG_MAX_BOUND) {
    throw new RangeError(`dlog bound must be an integer in [0, ${DLOG_MAX_BOUND}], got ${bound}`);
  }
  const stepSize = Math.max(1, Math.ceil(Math.sqrt(bound)));
  const babySteps = new Map<string, number>();
  let current = group.identity;
  for (let j = 0; j < stepSize; j++) {
    babySteps.set(keyOf(group, current), j);
    current = group.add(current, group.generator);
  }
  // current = g^stepSize now; the giant step subtracts it.
  return { group, bound, stepSize, babySteps, giantStep: group.negate(current) };
}

/**
 * Returns m with g^m = element and 0 ≤ m ≤ table.bound, or `out_of_range` if there is none
 * (the element is g^m for a larger or negative m: a bug upstream or a wrong bound).
 */
export function discreteLog(table: DlogTable, element: GroupElement): Result<number, 'out_of_range'> {
  const { group, bound, stepSize, babySteps, giantStep } = table;
  const giants = Math.ceil((bound + 1) / stepSize);
  let gamma = element;
  for (let i = 0; i < giants; i++) {
    const j = babySteps.get(keyOf(group, gamma));
    if (j !== undefined) {
      const m = i * stepSize + j;
      return m <= bound ? ok(m) : err('out_of_range', `discrete log exceeds the bound ${bound}`);
    }
    gamma = group.add(gamma, giantStep);
  }
  return err('out_of_range', `no discrete log in [0, ${bound}]`);
}
