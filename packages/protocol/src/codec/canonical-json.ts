// Canonical JSON (RFC 8785, JCS) restricted to Ratify's value domain: null, booleans, safe integers,
// strings (no lone surrogates), arrays and plain objects. No floats, no bigint, no undefined: big
// numbers and byte strings travel as strings (bytes as lowercase hex). Every signed or hashed JSON
// object is produced by `toCanonical` and every one read from outside goes through `parseCanonical`,
// which accepts only the exact canonical bytes. Pure: no I/O. Must not know any message type.
import canonicalize from 'canonicalize';
import { err, ok, utf8, type Result } from '@ratify/crypto';
import type { ZodType } from 'zod';

/** A value that has a canonical JSON encoding in Ratify's domain. */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

export type CanonicalParseError = 'too_large' | 'invalid_json' | 'schema_mismatch' | 'non_canonical';

export type ParseLimits = {
  /** Maximum size of the input in UTF-8 bytes, checked before parsing. */
  readonly maxBytes?: number;
  /** Maximum nesting depth of arrays/objects, checked before anything recurses over the value. */
  readonly maxDepth?: number;
};

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 32;

/** Why a value is outside the canonical domain, or undefined if it is inside. Iterative (no recursion). */
function domainViolation(value: unknown, maxDepth: number): string | undefined {
  const stack: { readonly v: unknown; readonly depth: number; readonly path: string }[] = [{ v: value, depth: 0, path: '$' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v === 'boolean' || typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) return `${path}: ${v} is not a safe integer`;
      continue;
    }
    if (typeof v !== 'object') return `${path}: ${typeof v} is not a JSON value`;
    if (depth >= maxDepth) return `${path}: nesting deeper than ${maxDepth}`;
    if (Array.isArray(v)) {
      v.forEach((item: unknown, i) => stack.push({ v: item, depth: depth + 1, path: `${path}[${i}]` }));
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${path}: not a plain object`;
    for (const [k, item] of Object.entries(v)) {
      if (item === undefined) return `${path}.${k}: undefined is not a JSON value`;
      stack.push({ v: item, depth: depth + 1, path: `${path}.${k}` });
    }
  }
  return undefined;
}

/**
 * The canonical JSON text of `value` (RFC 8785). Throws on a value outside the domain (a float, an
 * unsafe integer, undefined, a Date/Uint8Array, a lone surrogate): producing one is a bug.
 */
export function toCanonical(value: CanonicalValue): string {
  const violation = domainViolation(value, Number.MAX_SAFE_INTEGER);
  if (violation !== undefined) throw new TypeError(`not canonicalizable: ${violation}`);
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not canonicalizable');
  return text;
}

/** UTF-8 bytes of the canonical JSON text: what gets hashed. */
export function toCanonicalBytes(value: CanonicalValue): Uint8Array {
  return utf8(toCanonical(value));
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair (a lone one is rejected later by the canonical check)
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Strict parse of untrusted canonical JSON: size bound, JSON syntax, schema, then the canonical
 * check: re-encoding the parsed value must reproduce `text` exactly. That rejects whitespace, key
 * order, duplicate keys (JSON.parse keeps one, so the re-encoding is shorter), escapes that JCS
 * does not use, number spellings like 1e2 or 1.0 or -0, and anything outside the value domain.
 */
export function parseCanonical<T>(text: string, schema: ZodType<T>, limits: ParseLimits = {}): Result<T, CanonicalParseError> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // text.length (UTF-16 units) never exceeds the UTF-8 length, so this cheap test comes first.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) return err('too_large', `input exceeds ${maxBytes} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err('invalid_json', e instanceof Error ? e.message : 'unparseable');
  }
  const violation = domainViolation(raw, maxDepth);
  if (violation !== undefined) {
    return violation.includes('nesting deeper') ? err('too_large', violation) : err('non_canonical', violation);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.length > 0 ? issue.path.join('.') : '$'}: ${issue.message}` : 'schema mismatch';
    return err('schema_mismatch', where);
  }
  let reencoded: string | undefined;
  try {
    reencoded = canonicalize(raw);
  } catch (e) {
    return err('non_canonical', e instanceof Error ? e.message : 'not canonicalizable');
  }
  if (reencoded !== text) return err('non_canonical', firstDifference(text, reencoded ?? ''));
  return ok(parsed.data);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `input differs from its canonical encoding at character ${i}`;
}
