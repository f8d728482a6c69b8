// End-to-end DKG + threshold decryption (docs/protocol.md; ElectionGuard 2.1 §3.2,
// §3.6; Belenios spec v1.5 §3.1.2): agreement on the joint key, every k-subset decrypts, k − 1 do not,
// losing n − k trustees still decrypts, misbehaving trustees are named.
import { describe, expect, it } from 'vitest';
import { encrypt, ristretto255 as g, seededRandom, sumCiphertexts, unwrap } from '../src/index.ts';
import { createDlogTable, discreteLog } from '../src/dlog.ts';
import {
  checkCeremony,
  collectShares,
  combinePartialDecryptions,
  createPartialDecryption,
  createShareReveal,
  deriveTrusteeKey,
  encryptShareWith,
  type CeremonyMessage,
  type SharesMessage,
  verifyPartialDecryption,
  type VerifiedPartialDecryption,
} from '../src/threshold/index.ts';
import { parametersFor, runCeremony, runRounds, subsets } from './threshold-fixtures.ts';

const table = createDlogTable(g, 1000);
const CASES: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 3],
  [3, 5],
  [4, 4],
];

describe.each(CASES)('DKG %i-of-%i', (k, n) => {
  const ceremony = runCeremony(g, k, n);
  const rng = seededRandom(`dec-${k}-${n}`);
  const status = checkCeremony(g, ceremony.parameters, ceremony.messages);
  const votes = [
    [1, 0, 1, 1, 0],
    [0, 0, 1, 0, 0],
  ];

  it('completes and every trustee agrees on the joint key and the public key shares', () => {
    expect(status.kind).toBe('complete');
    if (status.kind !== 'complete') return;
    for (const key of ceremony.keys) {
      expect(g.equals(key.jointPublicKey, status.jointPublicKey)).toBe(true);
      key.publicKeyShares.forEach((G, i) => expect(g.equals(G, status.publicKeyShares[i]!)).toBe(true));
      expect(g.equals(g.baseMultiply(key.secretShare), status.publicKeyShares[key.trustee - 1]!)).toBe(true);
    }
  });

  const joint = ceremony.keys[0]!.jointPublicKey;
  const tally = votes.map((column) =>
    sumCiphertexts(
      g,
      column.map((m) => encrypt(g, joint, m, rng).ciphertext),
    ),
  );
  const context = ceremony.parameters.context;
  const partials = ceremony.keys.map((key) =>
    unwrap(
      verifyPartialDecryption(
        g,
        createPartialDecryption(g, key, tally, context, rng),
        key.publicKeyShares[key.trustee - 1]!,
        tally,
        context,
      ),
    ),
  );

  it('every k-subset of trustees decrypts the tally (so losing any n − k trustees is fine)', () => {
    for (const subset of subsets(n, k)) {
      const chosen = subset.map((i) => partials[i - 1]!);
      const elements = unwrap(combinePartialDecryptions(g, tally, chosen, k));
      expect(elements.map((e) => unwrap(discreteLog(table, e)))).toEqual([3, 1]);
    }
  });

  it('all n trustees together also decrypt', () => {
    const elements = unwrap(combinePartialDecryptions(g, tally, partials, k));
    expect(elements.map((e) => unwrap(discreteLog(table, e)))).toEqual([3, 1]);
  });

  it('k − 1 partial decryptions fail with not_enough_shares; duplicates are rejected', () => {
    const r = combinePartialDecryptions(g, tally, partials.slice(0, k - 1), k);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('not_enough_shares');
    const dup = combinePartialDecryptions(
      g,
      tally,
      [partials[0]!, ...partials.slice(0, k)] as VerifiedPartialDecryption[],
      k,
    );
    expect(dup).toMatchObject({ ok: false, error: 'duplicate_trustee', trustee: 1 });
  });
});

describe('ceremony status', () => {
  const parameters = parametersFor(2, 3, 'status');
  const r = runRounds(g, parameters, seededRandom('status'));

  it('reports what is missing, round by round', () => {
    expect(checkCeremony(g, parameters, r.commitments.slice(0, 2))).toEqual({
      kind: 'awaiting_commitments',
      missing: [3],
    });
    expect(checkCeremony(g, parameters, [...r.commitments, r.shares[1]!])).toEqual({
      kind: 'awaiting_shares',
      missing: [1, 3],
    });
    expect(checkCeremony(g, parameters, [...r.commitments, ...r.shares])).toEqual({
      kind: 'awaiting_confirmations',
      missing: [1, 2, 3],
    });
  });

  it('rejects a tampered commitment proof and names the trustee and coefficient', () => {
    const bad = {
      ...r.commitments[1]!,
      coefficients: r.commitments[1]!.coefficients.map((c, j) =>
        j === 1
          ? { ...c, proof: { ...c.proof, response: g.scalars.add(c.proof.response, g.scalars.one) } }
          : c,
      ),
    };
    const status = checkCeremony(g, parameters, [r.commitments[0]!, bad, r.commitments[2]!]);
    expect(status).toMatchObject({
      kind: 'failed',
      problems: [{ error: 'bad_coefficient_proof', trustee: 2, item: 1 }],
    });
  });

  it('rejects conflicting duplicate messages from one trustee', () => {
    const status = checkCeremony(g, parameters, [...r.commitments, r.commitments[0]!]);
    expect(status).toMatchObject({ kind: 'failed', problems: [{ error: 'duplicate_message', trustee: 1 }] });
  });
});

describe('a trustee that sends a bad share', () => {
  const parameters = parametersFor(2, 3, 'cheat');
  const rng = seededRandom('cheat');
  const r = runRounds(g, parameters, rng);
  // Trustee 2 re-encrypts a wrong share (P_2(3) + 1) for trustee 3, with a fresh valid ciphertext.
  const F = g.scalars;
  const opening = r.openings[1]!.find((o) => o.recipient === 3)!;
  const wrong = F.add(opening.share, F.one);
  const forged = { ...opening, share: wrong, nonce: F.fromBigint(12345) };
  const badShare = encryptShareWith(
    g,
    parameters.context,
    2,
    3,
    r.commitments[2]!.encryptionKey,
    wrong,
    forged.nonce,
  );
  const badMessage: SharesMessage = {
    ...r.shares[1]!,
    shares: r.shares[1]!.shares.map((s) => (s.recipient === 3 ? badShare : s)),
  };
  const messages: CeremonyMessage[] = [...r.commitments, r.shares[0]!, badMessage, r.shares[2]!];

  it('is named in the recipient complaint (bad_share, sender 2)', () => {
    const { complaints, shares } = collectShares(g, parameters, 3, r.encryptionKeys[2]!, messages);
    expect(complaints).toEqual([{ kind: 'complaint', accuser: 3, accused: 2, reason: 'bad_share' }]);
    expect(shares.has(2)).toBe(false);
    expect(deriveTrusteeKey(g, parameters, r.polynomials[2]!, shares, r.commitments)).toMatchObject({
      ok: false,
      error: 'missing_share',
      trustee: 2,
    });
  });

  it('the ceremony waits for a reveal, then fails naming trustee 2 when the reveal does not check', () => {
    const complaint = collectShares(g, parameters, 3, r.encryptionKeys[2]!, messages).complaints[0]!;
    expect(checkCeremony(g, parameters, [...messages, complaint])).toEqual({
      kind: 'awaiting_reveals',
      pending: [{ accuser: 3, accused: 2 }],
    });
    const reveal = createShareReveal(2, forged);
    expect(checkCeremony(g, parameters, [...messages, complaint, reveal])).toMatchObject({
      kind: 'failed',
      problems: [{ error: 'bad_reveal', trustee: 2 }],
    });
  });

  it('a false complaint is dismissed by an honest reveal and the ceremony completes with the revealed share', () => {
    const honest: CeremonyMessage[] = [...r.commitments, ...r.shares];
    const falseComplaint = { kind: 'complaint', accuser: 3, accused: 1, reason: 'bad_share' } as const;
    const reveal = createShareReveal(
      1,
      r.openings[0]!.find((o) => o.recipient === 3)!,
    );
    expect(checkCeremony(g, parameters, [...honest, falseComplaint, reveal]).kind).toBe(
      'awaiting_confirmations',
    );
  });
});
