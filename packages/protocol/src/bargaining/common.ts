// Shared field syntax of the bargaining tracker: slugs, human text, calendar days. Pure. Must not
// hold domain rules (contract.ts, terms.ts, offer.ts do).
import { z } from 'zod';
import { SLUG_PATTERN } from '../ids.ts';

const hasControl = (s: string, allowNewline: boolean) => [...s].some((c) => (c < ' ' && !(allowNewline && c === '\n')) || c === '\u007f');

/** Human text: non-empty, trimmed, NFC, no control characters (newlines only where allowed). */
export const textSchema = (max: number, allowNewline = false) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s === s.trim() && s === s.normalize('NFC') && !hasControl(s, allowNewline), 'text must be trimmed, NFC, without control characters');

export const slugSchema = z.string().regex(SLUG_PATTERN, `expected a slug matching ${SLUG_PATTERN.source}`);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day `YYYY-MM-DD` (no 2008-02-30). Date only checks the fields, never reads a clock. */
export const isCalendarDay = (s: string): boolean => {
  if (!DAY.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
export const daySchema = z.string().refine(isCalendarDay, 'expected a calendar day YYYY-MM-DD');

/** Days since 1970-01-01 of a calendar day (UTC, no time zones: a day is a label, not an instant). */
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
