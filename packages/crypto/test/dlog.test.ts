// Baby-step giant-step discrete log (docs/protocol.md §T9): endpoints, random values,
// out-of-range, and the ⌈√bound⌉ table size, at the 10,000,000 bound required by the design.
import { describe, expect, it } from 'vitest';
import { encodeMessage, ristretto255 as g } from '../src/index.ts';
import { createDlogTable, discreteLog } from '../src/dlog.ts';

describe('discrete log, bound 10,000,000', () => {
  const bound = 10_000_000;
  const table = createDlogTable(g, bound);

  it('holds ⌈√bound⌉ = 3,163 baby steps', () => {
    expect(table.stepSize).toBe(3163);
    expect(table.babySteps.size).toBe(3163);
  });

  it.each([0, 1, 2, 3162, 3163, 3164, 1_234_567, 9_999_999, bound - 1, bound])('recovers %i', (m) => {
    expect(discreteLog(table, encodeMessage(g, m))).toEqual({ ok: true, value: m });
  });

  it('recovers a few pseudo-random values', () => {
    let x = 7;
    for (let i = 0; i < 5; i++) {
      x = (x * 1_103_515_245 + 12_345) % bound;
      expect(discreteLog(table, encodeMessage(g, x))).toEqual({ ok: true, value: x });
    }
  });

  it('bound + 1, a huge value and a negative value are out_of_range', () => {
    for (const m of [bound + 1, bound + 3163, 2n ** 200n, -1]) {
      expect(discreteLog(table, encodeMessage(g, m))).toMatchObject({ ok: false, error: 'out_of_range' });
    }
  });
});

describe('discrete log, small bounds', () => {
  it.each([0, 1, 2, 3, 4, 10, 99])('bound %i: every m in [0, bound] and not bound + 1', (bound) => {
    const table = createDlogTable(g, bound);
    for (let m = 0; m <= bound; m++)
      expect(discreteLog(table, encodeMessage(g, m))).toEqual({ ok: true, value: m });
    expect(discreteLog(table, encodeMessage(g, bound + 1)).ok).toBe(false);
  });

  it('rejects a bad bound (a bug)', () => {
    expect(() => createDlogTable(g, -1)).toThrow(RangeError);
    expect(() => createDlogTable(g, 1.5)).toThrow(RangeError);
  });
});
