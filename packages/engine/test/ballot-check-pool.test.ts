// The worker pool gives exactly the verdicts of the inline check, for good and bad ballots.
import { afterAll, describe, expect, it } from 'vitest';
import { ristretto255 as g, seededRandom, unwrap, generateKeyPair, toHex } from '@ratify/crypto';
import { createBallot, createManifest, credentialSecret, encodeBallot, generatePrivateCredential } from '@ratify/protocol';
import { buildVoteContext, checkBallotText, createBallotCheckPool } from '../src/index.ts';

const rng = seededRandom('pool-test');
const key = generateKeyPair(g, rng);
const manifest = unwrap(
  createManifest({
    voteId: 'pool-vote',
    electionId: '5eed5eed5eed5eed5eed5eed5eed5eed',
    title: 'Pool test',
    unionId: 'u',
    unionName: 'Union',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-03T09:00:00Z' },
    questions: [{ id: 'q', kind: 'yes_no', text: 'Yes?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
    trustees: { threshold: 1, members: [{ id: 't1', name: 'Trustee', commitments: [toHex(g.encodeElement(key.publicKey))] }] },
    jointPublicKey: toHex(g.encodeElement(key.publicKey)),
    eligibleCount: 10,
    credentialAuthority: { mode: 'offline', publicKey: toHex(g.encodeElement(generateKeyPair(g, rng).publicKey)) },
  }),
);
const ctx = buildVoteContext(g, manifest);
const pool = createBallotCheckPool(2);
afterAll(() => pool.close());

describe('ballot check pool', () => {
  it('agrees with the inline check on valid and invalid ballots', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => {
      const secret = credentialSecret(g, manifest, generatePrivateCredential(rng));
      return encodeBallot(g, unwrap(createBallot(ctx.ballotParams, [i % 2 ? [1, 0] : [0, 1]], secret, rng)).ballot);
    });
    const bad = JSON.parse(texts[0]!);
    bad.signature.response = bad.signature.challenge;
    texts.push(JSON.stringify(bad), texts[1]!.replace('"version"', ' "version"'));
    const fromPool = await Promise.all(texts.map((t) => pool.check(ctx.manifestText, t)));
    const inline = texts.map((t) => checkBallotText(g, ctx, t));
    fromPool.forEach((r, i) => {
      const expected = inline[i]!;
      expect(r.ok).toBe(expected.ok);
      if (r.ok && expected.ok) expect(r.trackingCode).toBe(expected.value.trackingCode);
      if (!r.ok && !expected.ok) expect(r.error).toBe(expected.error);
    });
    expect(fromPool.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error))).toEqual(['invalid_signature', 'non_canonical']);
  });
});
