// Structured terms of an offer or agreement (docs/bargaining.md, "Terms"): a named term with a typed
// value and a direction saying which way is better for the members. Values are exact: percentages
// in integer basis points (1% = 100), money in integer minor units of an ISO 4217 currency, days as
// `YYYY-MM-DD`. No floats anywhere. Pure. Must not compare terms (compare.ts does).
import { z } from 'zod';
import { daySchema, slugSchema, textSchema } from './common.ts';

export type TermValue =
  /** A percentage in basis points: 350 is 3.50%. */
  | { readonly kind: 'percent'; readonly basisPoints: number }
  /** An amount in minor units of `currency` (ISO 4217 code): 12_345 USD is $123.45. */
  | { readonly kind: 'money'; readonly currency: string; readonly minorUnits: number }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'text'; readonly text: string }
  /** A count with an optional unit, e.g. 36 "months". */
  | { readonly kind: 'integer'; readonly value: number; readonly unit?: string }
  | { readonly kind: 'boolean'; readonly value: boolean };
export type TermValueKind = TermValue['kind'];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'none'] as const;
/** Which way is better for the members: a wage increase is higher_is_better, a waiting period lower_is_better. */
export type Direction = (typeof DIRECTIONS)[number];

export type Term = {
  /** Identifies the term across offers: the comparison pairs terms by key. */
  readonly key: string;
  readonly label: string;
  readonly value: TermValue;
  readonly direction: Direction;
  readonly note?: string;
};

/** Amounts are bounded well inside the safe-integer range so sums never lose precision. */
export const MAX_AMOUNT = 1_000_000_000_000_000;
const amount = z.int().min(-MAX_AMOUNT).max(MAX_AMOUNT);

export const termValueSchema: z.ZodType<TermValue> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: amount }),
  z.strictObject({ kind: z.literal('money'), currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'), minorUnits: amount }),
  z.strictObject({ kind: z.literal('date'), date: daySchema }),
  z.strictObject({ kind: z.literal('text'), text: textSchema(2000, true) }),
  z.strictObject({ kind: z.literal('integer'), value: amount, unit: textSchema(40).exactOptional() }),
  z.strictObject({ kind: z.literal('boolean'), value: z.boolean() }),
]);

export const termSchema: z.ZodType<Term> = z.strictObject({
  key: slugSchema,
  label: textSchema(200),
  value: termValueSchema,
  direction: z.enum(DIRECTIONS),
  note: textSchema(1000, true).exactOptional(),
});

/** Plain-text rendering of a value: exact digits from integers (basis points, minor units), never
 * floats; English-neutral digits. `words` localises a boolean (the web passes its translations). */
export function formatTermValue(v: TermValue, words: { readonly yes: string; readonly no: string } = { yes: 'yes', no: 'no' }): string {
  switch (v.kind) {
    case 'percent':
      return `${formatScaled(v.basisPoints, 2)}%`;
    case 'money':
      return `${v.currency} ${formatScaled(v.minorUnits, 2)}`;
    case 'date':
      return v.date;
    case 'text':
      return v.text;
    case 'integer':
      return v.unit === undefined ? String(v.value) : `${v.value} ${v.unit}`;
    case 'boolean':
      return v.value ? words.yes : words.no;
  }
}

/** An integer scaled by 10^places, written exactly (no floating point): 350, 2 → "3.50". */
export function formatScaled(n: number, places: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n)).padStart(places + 1, '0');
  return `${sign}${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}
