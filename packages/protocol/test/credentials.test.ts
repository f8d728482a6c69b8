import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ristretto255 as g, systemRandom } from '@ratify/crypto';
import {
  credentialSecret,
  formatPrivateCredential,
  generatePrivateCredential,
  parsePrivateCredential,
  publicCredential,
} from '../src/credentials.ts';
import { generateElectionId } from '../src/ids.ts';

describe('private credentials', () => {
  it('round-trips through the printed form, any case, with spaces', () => {
    const c = generatePrivateCredential();
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    const printed = formatPrivateCredential(c);
    expect(printed).toMatch(/^(.{6}-){3}.{6}$/);
    expect(parsePrivateCredential(printed.toLowerCase().replace(/-/g, ' '))).toEqual({ ok: true, value: c });
  });

  it('maps the look-alikes I, L and O as Crockford base32 does', () => {
    const c = generatePrivateCredential();
    const typed = c.replace(/1/g, 'l').replace(/0/g, 'O');
    expect(parsePrivateCredential(typed)).toEqual({ ok: true, value: c });
  });

  it('catches a single mistyped character in most cases, and any wrong length', () => {
    let caught = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const c = generatePrivateCredential();
      const i = t % 22;
      const replacement = c[i] === 'A' ? 'B' : 'A';
      const typo = c.slice(0, i) + replacement + c.slice(i + 1);
      if (!parsePrivateCredential(typo).ok) caught++;
    }
    // 10-bit checksum: a random typo passes with probability 1/1024.
    expect(caught).toBeGreaterThan(trials * 0.95);
    expect(parsePrivateCredential('ABC')).toMatchObject({ ok: false, error: 'bad_credential_format' });
    expect(parsePrivateCredential('U'.repeat(24))).toMatchObject({ ok: false, error: 'bad_credential_format' });
  });

  it('derives a different public credential per vote from the same code', () => {
    const c = generatePrivateCredential(systemRandom);
    const a = publicCredential(g, { voteId: 'vote-a', electionId: '0'.repeat(32) }, c);
    const b = publicCredential(g, { voteId: 'vote-b', electionId: '0'.repeat(32) }, c);
    expect(g.equals(a, b)).toBe(false);
    expect(g.equals(a, g.baseMultiply(credentialSecret(g, { voteId: 'vote-a', electionId: '0'.repeat(32) }, c)))).toBe(true);
  });

  it('derives a different public credential per election id, even under the same vote id (§B1)', () => {
    const c = generatePrivateCredential(systemRandom);
    const first = { voteId: 'strike-2026', electionId: generateElectionId() };
    const second = { voteId: 'strike-2026', electionId: generateElectionId() };
    expect(first.electionId).toMatch(/^[0-9a-f]{32}$/);
    expect(second.electionId).not.toBe(first.electionId);
    expect(g.equals(publicCredential(g, first, c), publicCredential(g, second, c))).toBe(false);
    expect(g.equals(publicCredential(g, first, c), publicCredential(g, { ...first }, c))).toBe(true);
  });

  it('refuses an election id that is not 16 bytes of lowercase hex', () => {
    const c = generatePrivateCredential(systemRandom);
    for (const electionId of ['', '0'.repeat(30), '0'.repeat(34), 'A'.repeat(32), 'g'.repeat(32)])
      expect(() => credentialSecret(g, { voteId: 'v', electionId }, c)).toThrow(/election id/);
  });

  it('property: every generated credential parses back to itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (seed) => {
        let used = 0;
        const c = generatePrivateCredential((n) => {
          const out = new Uint8Array(n);
          for (let i = 0; i < n; i++) out[i] = seed[(used++) % 64]!;
          return out;
        });
        return parsePrivateCredential(c).ok;
      }),
    );
  });
});
