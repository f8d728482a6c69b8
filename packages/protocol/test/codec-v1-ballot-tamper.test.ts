// Property: no single-character edit of a valid ballot's wire text yields a different accepted
// ballot. Every substitution, insertion or deletion, anywhere, is either refused by
// `parseWireBallot` or decodes to a ballot that `checkBallot` refuses (Belenios: a ballot is
// accepted only if it re-encodes to the exact bytes and all its proofs hold).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBallot } from '../src/ballot/index.ts';
import { encodeBallot, parseWireBallot } from '../src/codec/v1/index.ts';
import { buildWireV1Fixtures, group as g } from '../../../test-vectors/protocol/wire-v1/fixtures.ts';

const f = buildWireV1Fixtures('codec-v1-ballot-tamper');
const text = encodeBallot(g, f.ballots[1]!);

/** Characters that keep the text plausible (hex digits, JSON punctuation, case changes) or not. */
const arbChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'0123456789abcdef') },
  { weight: 2, arbitrary: fc.constantFrom(...'ABCDEF"{}[],: \\\n-_rvxz/1') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

type Edit = { readonly at: number; readonly op: 'replace' | 'insert' | 'delete'; readonly char: string };
const arbEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.integer({ min: 0, max: text.length - 1 }),
  op: fc.constantFrom('replace', 'insert', 'delete'),
  char: arbChar,
});

function apply(e: Edit): string {
  switch (e.op) {
    case 'replace':
      return text.slice(0, e.at) + e.char + text.slice(e.at + 1);
    case 'insert':
      return text.slice(0, e.at) + e.char + text.slice(e.at);
    case 'delete':
      return text.slice(0, e.at) + text.slice(e.at + 1);
  }
}

/** 'rejected' by the parser, 'refused' by checkBallot, or 'accepted' (the property forbids it). */
function outcome(edited: string): 'rejected' | 'refused' | 'accepted' {
  const parsed = parseWireBallot(g, edited);
  if (!parsed.ok) return 'rejected';
  return checkBallot(f.params, parsed.value).ok ? 'accepted' : 'refused';
}

describe('single-character edits of a ballot text', () => {
  it('the unedited ballot is accepted', () => {
    expect(outcome(text)).toBe('accepted');
  });

  it('are never accepted (property)', () => {
    fc.assert(
      fc.property(arbEdit, (e) => {
        const edited = apply(e);
        fc.pre(edited !== text);
        return outcome(edited) !== 'accepted';
      }),
      { numRuns: 300 },
    );
  });

  it('are never accepted: every hex digit of the first ciphertext, proof and signature', () => {
    // Exhaustive over the characters most likely to slip through: flipping one hex digit of a value.
    const starts = ['"alpha":"', '"challenge":"', '"response":"', '"signature":{"challenge":"'].map((k) => text.indexOf(k) + k.length);
    for (const start of starts) {
      for (let at = start; at < start + 64; at++) {
        const c = text[at]!;
        const flipped = c === '0' ? '1' : c === 'f' ? 'e' : '0';
        expect(outcome(text.slice(0, at) + flipped + text.slice(at + 1))).not.toBe('accepted');
      }
    }
  });
});
