// Canonical JSON (RFC 8785 restricted to Ratify's domain): encoding, and strict parsing that
// accepts only the exact canonical bytes. Good and bad inputs, plus a round-trip property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { hex32Schema, parseCanonical, toCanonical, toCanonicalBytes, type CanonicalValue } from '../src/index.ts';

const anySchema = z.unknown();
const hexObject = z.strictObject({ key: hex32Schema, n: z.int() });
const HEX = 'ab'.repeat(32);

describe('toCanonical (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // Read the order from the text: Object.keys would list the integer-like key "1" first anyway.
    const text = toCanonical(value);
    const positions = ['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((k) => text.indexOf(`"${k}":`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has no whitespace and uses the shortest escapes', () => {
    expect(toCanonical({ b: [1, 'x'], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[1,"x"]}');
    expect(toCanonical('é"\\\n\u0001')).toBe('"é\\"\\\\\\n\\u0001"');
    expect(toCanonicalBytes({ a: 'é' })).toEqual(new TextEncoder().encode('{"a":"é"}'));
  });

  it.each<[string, unknown]>([
    ['a float', { a: 1.5 }],
    ['an unsafe integer', [2 ** 53]],
    ['NaN', NaN],
    ['undefined in an object', { a: undefined }],
    ['a bigint', 1n],
    ['a Date', new Date(0)],
    ['a Uint8Array', new Uint8Array(2)],
    ['a lone surrogate', '\ud800'],
  ])('throws on %s (producing one is a bug)', (_, value) => {
    expect(() => toCanonical(value as CanonicalValue)).toThrow();
  });
});

describe('parseCanonical', () => {
  const good = `{"key":"${HEX}","n":-7}`;

  it('accepts exact canonical text', () => {
    expect(parseCanonical(good, hexObject)).toEqual({ ok: true, value: { key: HEX, n: -7 } });
  });

  it.each<[string, string, string]>([
    ['leading whitespace', ` ${good}`, 'non_canonical'],
    ['trailing newline', `${good}\n`, 'non_canonical'],
    ['space after colon', `{"key": "${HEX}","n":-7}`, 'non_canonical'],
    ['key order', `{"n":-7,"key":"${HEX}"}`, 'non_canonical'],
    ['duplicate key', `{"key":"${HEX}","n":-7,"n":-7}`, 'non_canonical'],
    ['exponent number', `{"key":"${HEX}","n":-7e0}`, 'non_canonical'],
    ['fractional zero', `{"key":"${HEX}","n":-7.0}`, 'non_canonical'],
    ['unneeded escape', `{"key":"\\u0061${HEX.slice(1)}","n":-7}`, 'non_canonical'],
    ['uppercase hex', `{"key":"${HEX.toUpperCase()}","n":-7}`, 'schema_mismatch'],
    ['short hex', `{"key":"${HEX.slice(2)}","n":-7}`, 'schema_mismatch'],
    ['unknown key', `{"extra":1,"key":"${HEX}","n":-7}`, 'schema_mismatch'],
    ['float', `{"key":"${HEX}","n":1.5}`, 'non_canonical'],
    ['unsafe integer', `{"key":"${HEX}","n":9007199254740993}`, 'non_canonical'],
    ['not JSON', `{"key":`, 'invalid_json'],
    ['single quotes', `{'key':1}`, 'invalid_json'],
  ])('rejects %s', (_, text, code) => {
    const r = parseCanonical(text, hexObject);
    expect(r.ok ? 'ok' : r.error).toBe(code);
  });

  it('rejects an escape that JCS does not use, even where the schema is loose', () => {
    expect(parseCanonical('"\\u0061"', anySchema)).toMatchObject({ ok: false, error: 'non_canonical' });
    expect(parseCanonical('"\\/"', anySchema)).toMatchObject({ ok: false, error: 'non_canonical' });
    expect(parseCanonical('-0', anySchema)).toMatchObject({ ok: false, error: 'non_canonical' });
  });

  it('bounds the size before parsing, counting UTF-8 bytes', () => {
    expect(parseCanonical(`"${'a'.repeat(20)}"`, anySchema, { maxBytes: 21 })).toMatchObject({ ok: false, error: 'too_large' });
    expect(parseCanonical(`"${'a'.repeat(19)}"`, anySchema, { maxBytes: 21 }).ok).toBe(true);
    expect(parseCanonical(`"${'é'.repeat(10)}"`, anySchema, { maxBytes: 21 })).toMatchObject({ ok: false, error: 'too_large' });
    expect(parseCanonical('x'.repeat(2 * 1024 * 1024), anySchema)).toMatchObject({ ok: false, error: 'too_large' });
  });

  it('bounds the nesting depth', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseCanonical(deep, anySchema)).toMatchObject({ ok: false, error: 'too_large' });
    expect(parseCanonical('[[[]]]', anySchema, { maxDepth: 3 }).ok).toBe(true);
    expect(parseCanonical('[[[[]]]]', anySchema, { maxDepth: 3 }).ok).toBe(false);
  });

  it('round-trips every domain value, and rejects it pretty-printed', () => {
    const { value } = fc.letrec<{ value: CanonicalValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc.string({ unit: 'grapheme' }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        const text = toCanonical(v);
        const parsed = parseCanonical(text, anySchema);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(toCanonical(parsed.value as CanonicalValue)).toBe(text);
        const pretty = JSON.stringify(v, null, 1);
        if (pretty !== text) expect(parseCanonical(pretty, anySchema).ok).toBe(false);
      }),
    );
  });
});
