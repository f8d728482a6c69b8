// Envelope ids (random, check symbol catches typing slips) and the strike-off table of protocol §M8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, systemRandom } from '@ratify/crypto';
import { type Channels, type EnvelopeFacts, decideEnvelope, decideOnlineBallot, newEnvelopeId, parseEnvelopeId } from '../src/index.ts';

const FIRST: Channels = { accepted: ['online', 'mail'], precedence: 'first_received' };
const ONLINE: Channels = { accepted: ['online', 'mail'], precedence: 'online_counts' };
const fresh: EnvelopeFacts = { issued: true, onRoll: true, alreadyReceived: false, votedOnline: false };
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('envelope ids', () => {
  it('are 80 random bits in groups with a check symbol, distinct, and parse back to themselves', () => {
    const ids = Array.from({ length: 2000 }, () => newEnvelopeId(systemRandom));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z*~$=U]$/);
      expect(parseEnvelopeId(id)).toEqual({ ok: true, value: id });
    }
    // The same randomness gives the same id: nothing else (no member number) goes in.
    expect(newEnvelopeId(seededRandom('x'))).toBe(newEnvelopeId(seededRandom('x')));
  });

  it('reads what staff type: lower case, no hyphens, spaces, O for 0, I or L for 1', () => {
    const id = newEnvelopeId(seededRandom('typing'));
    const typed = id.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseEnvelopeId(typed)).toEqual({ ok: true, value: id });
    expect(parseEnvelopeId(id.replace(/-/g, ''))).toEqual({ ok: true, value: id });
  });

  it('catches every single mistyped symbol and every swap of two neighbours', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), fc.nat(15), fc.nat(31), (bytes, at, symbol) => {
        const id = newEnvelopeId(() => bytes);
        const data = id.replace(/-/g, '');
        const wrong = ALPHABET[symbol]!;
        if (data[at] !== wrong) {
          const typo = data.slice(0, at) + wrong + data.slice(at + 1);
          expect(parseEnvelopeId(typo)).toMatchObject({ ok: false, error: 'envelope_id_check_failed' });
        }
        if (at < 15 && data[at] !== data[at + 1]) {
          const swapped = data.slice(0, at) + data[at + 1] + data[at] + data.slice(at + 2);
          expect(parseEnvelopeId(swapped)).toMatchObject({ ok: false, error: 'envelope_id_check_failed' });
        }
      }),
    );
  });

  it.each(['', 'ABCD', 'ABCD-EFGH-JKMN-PQRS', 'ABCD-EFGH-JKMN-PQRS-TV', 'ABCD-EFGH-JKMN-PQRU-T', '!BCD-EFGH-JKMN-PQRS-T', 'x'.repeat(100)])('refuses %j as malformed', (text) => {
    expect(parseEnvelopeId(text)).toMatchObject({ ok: false, error: 'envelope_id_malformed' });
  });
});

describe('strike-off (protocol §M8)', () => {
  it.each([
    ['an issued envelope of a member on the roll who has not voted', FIRST, fresh, { kind: 'accept' }],
    ['an unknown id', FIRST, { ...fresh, issued: false }, { kind: 'refuse', reason: 'unknown_envelope' }],
    ['a second envelope of the same member', FIRST, { ...fresh, alreadyReceived: true }, { kind: 'set_aside', reason: 'already_received' }],
    ['a member removed from the roll', FIRST, { ...fresh, onRoll: false }, { kind: 'set_aside', reason: 'not_on_roll' }],
    ['a member who voted online first (first_received)', FIRST, { ...fresh, votedOnline: true }, { kind: 'set_aside', reason: 'voted_online' }],
    ['a member who voted online (online_counts)', ONLINE, { ...fresh, votedOnline: true }, { kind: 'set_aside', reason: 'voted_online' }],
    ['any envelope of an online-only vote', { accepted: ['online'] } as Channels, fresh, { kind: 'refuse', reason: 'mail_not_accepted' }],
  ] as const)('envelope: %s', (_what, channels, facts, expected) => {
    expect(decideEnvelope(channels, facts)).toEqual(expected);
  });

  it('online ballot after an accepted envelope: refused under first_received, counts (envelope withdrawn) under online_counts', () => {
    expect(decideOnlineBallot(FIRST, true)).toEqual({ kind: 'refuse', reason: 'mail_ballot_received' });
    expect(decideOnlineBallot(ONLINE, true)).toEqual({ kind: 'accept_and_withdraw_envelope' });
    expect(decideOnlineBallot(FIRST, false)).toEqual({ kind: 'accept' });
    expect(decideOnlineBallot({ accepted: ['online'] }, false)).toEqual({ kind: 'accept' });
    expect(decideOnlineBallot({ accepted: ['mail'] }, false)).toEqual({ kind: 'refuse', reason: 'online_not_accepted' });
  });
});
