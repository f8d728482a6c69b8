// Schema-free strict reading of record files (docs/protocol.md §M1): a text
// is accepted iff it is JSON, inside Ratify's value domain, and exactly its own RFC 8785 encoding
// (re-encoded with protocol `toCanonical`). Plus tiny accessors for untrusted JSON values.
// Must not know any message schema: the protocol wire parsers own those.
import { type CanonicalValue, toCanonical } from '@ratify/protocol';

export type JsonReadError = 'too_large' | 'invalid_json' | 'non_canonical';
export type JsonRead = { readonly ok: true; readonly value: CanonicalValue } | { readonly ok: false; readonly error: JsonReadError; readonly detail: string };

export function readCanonical(text: string, maxChars: number): JsonRead {
  if (text.length > maxChars) return { ok: false, error: 'too_large', detail: `more than ${maxChars} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'invalid_json', detail: e instanceof Error ? e.message : 'unparseable' };
  }
  let canonical: string;
  try {
    if (!wellFormedStrings(value)) throw new TypeError('a string has a lone surrogate');
    canonical = toCanonical(value as CanonicalValue);
  } catch (e) {
    return { ok: false, error: 'non_canonical', detail: e instanceof Error ? e.message : 'outside the value domain' };
  }
  if (canonical !== text) return { ok: false, error: 'non_canonical', detail: `differs from its canonical encoding at character ${firstDifference(text, canonical)}` };
  return { ok: true, value: value as CanonicalValue };
}

function wellFormedStrings(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isWellFormed(v)) return false;
    } else if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (!isWellFormed(k)) return false;
        stack.push(item);
      }
    }
  }
  return true;
}

const isWellFormed = (s: string): boolean => !/\p{Surrogate}/u.test(s);

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export type JsonObject = { readonly [key: string]: CanonicalValue };

export function isObject(v: CanonicalValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

export function isArray(v: CanonicalValue | undefined): v is readonly CanonicalValue[] {
  return Array.isArray(v);
}

/** True iff `v` is an object with exactly these keys. */
export function hasExactKeys(v: CanonicalValue | undefined, keys: readonly string[]): v is JsonObject {
  if (!isObject(v)) return false;
  const actual = Object.keys(v);
  return actual.length === keys.length && keys.every((k) => Object.hasOwn(v, k));
}

export const isCount = (v: CanonicalValue | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export const isHex = (v: CanonicalValue | undefined, bytes: number): v is string =>
  typeof v === 'string' && v.length === 2 * bytes && /^[0-9a-f]*$/.test(v);
