// Numbers, shares and instants as printed, computed with integers only so the same record gives the
// same characters on every machine (no Intl, no locale data, no floating point).
import type { Language } from '@ratify/protocol';

/** 70000 → "70,000" (en) / "70.000" (es). */
export function formatCount(n: number, lang: Language): string {
  const digits = String(n);
  const sep = lang === 'en' ? ',' : '.';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** part/whole as a percentage with two decimals, rounded half up ("66.67%" / "66,67 %"); "—" for 0/0. */
export function formatShare(part: number, whole: number, lang: Language): string {
  if (whole === 0) return '—';
  const basis = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  const whole100 = basis / 100n;
  const frac = (basis % 100n).toString().padStart(2, '0');
  return lang === 'en' ? `${whole100}.${frac}%` : `${whole100},${frac} %`;
}

/** "2026-12-08T14:00:00Z" → "2026-12-08 14:00:00 UTC". */
export function formatInstant(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, ' UTC');
}

/** Splits a long hex string into groups of `size` characters, for printing on several lines. */
export function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
