// Identifier and hex brands: the slug syntax and strict lowercase fixed-length hex.
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import { hexToBytes, parseHex32, parseHex64, parseMemberId, parseQuestionId, parseUnionId, parseVoteId } from '../src/index.ts';

describe('ids', () => {
  it.each(['a', '0', 'aftra-2008', 'q_1', 'x'.repeat(64), '9-_'])('accepts %j', (s) => {
    for (const parse of [parseVoteId, parseUnionId, parseMemberId, parseQuestionId]) expect(parse(s).ok).toBe(true);
  });

  it.each(['', '-a', '_a', 'A', 'aB', 'a b', 'a.b', 'é', 'x'.repeat(65), 'a\n'])('rejects %j', (s) => {
    for (const parse of [parseVoteId, parseUnionId, parseMemberId, parseQuestionId]) expect(parse(s)).toMatchObject({ ok: false, error: 'invalid_id' });
  });
});

describe('hex brands', () => {
  it('accepts lowercase hex of the exact length and decodes it', () => {
    const h = unwrap(parseHex32('0f'.repeat(32)));
    expect(hexToBytes(h)).toEqual(new Uint8Array(32).fill(15));
    expect(parseHex64('ab'.repeat(64)).ok).toBe(true);
  });

  it.each(['0F'.repeat(32), '0f'.repeat(31), '0f'.repeat(33), `${'0f'.repeat(31)}0g`, '0f'.repeat(64), ''])('rejects %j as Hex32', (s) => {
    expect(parseHex32(s)).toMatchObject({ ok: false, error: 'invalid_hex' });
  });
});
