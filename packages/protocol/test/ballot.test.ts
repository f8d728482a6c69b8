// Ballots: create/check twins, every tamper rejected with its code, proofs bound to the credential
// (ballot copying), Benaloh audit. Seeded randomness for reproducibility (tests only).
import { describe, expect, it } from 'vitest';
import { type Ciphertext, generateKeyPair, ristretto255 as g, seededRandom, utf8, hashItems, unwrap } from '@ratify/crypto';
import {
  type Ballot,
  type BallotParams,
  allowedTotals,
  auditBallot,
  checkBallot,
  createBallot,
  trackingCode,
} from '../src/ballot/index.ts';
import { credentialSecret, generatePrivateCredential } from '../src/credentials.ts';

const rng = seededRandom('ballot-test');
const ELECTION = { voteId: 'aftra-2008-primetime', electionId: 'b0a7b0a7b0a7b0a7b0a7b0a7b0a7b0a7' };
const election = generateKeyPair(g, rng);
const params: BallotParams = {
  group: g,
  voteId: 'aftra-2008-primetime',
  fingerprint: hashItems('test', [['x', utf8('fingerprint')]]),
  electionKey: g.precompute(election.publicKey),
  questions: [
    { id: 'ratify', optionCount: 2, allowedTotals: allowedTotals(1, 1, false) },
    { id: 'board', optionCount: 4, allowedTotals: allowedTotals(1, 2, true) },
  ],
};
const secret = credentialSecret(g, ELECTION, generatePrivateCredential(rng));
const make = (sel: (0 | 1)[][] = [[1, 0], [0, 1, 1, 0]]) => unwrap(createBallot(params, sel, secret, rng));

const flip = (c: Ciphertext): Ciphertext => ({ alpha: c.alpha, beta: g.add(c.beta, g.generator) });
const bump = (s: bigint) => g.scalars.add(s as never, g.scalars.one);

describe('createBallot / checkBallot', () => {
  it('a valid ballot checks', () => {
    expect(checkBallot(params, make().ballot).ok).toBe(true);
    expect(checkBallot(params, make([[0, 1], [0, 0, 0, 0]]).ballot).ok).toBe(true);
  });

  it('refuses to create a ballot with a disallowed number of selections', () => {
    expect(createBallot(params, [[1, 1], [0, 1, 0, 0]], secret, rng)).toMatchObject({ ok: false, error: 'total_not_allowed' });
    expect(createBallot(params, [[0, 0], [0, 1, 0, 0]], secret, rng)).toMatchObject({ ok: false, error: 'total_not_allowed' });
    expect(createBallot(params, [[1, 0]], secret, rng)).toMatchObject({ ok: false, error: 'wrong_question_count' });
  });

  const { ballot } = make();
  const answer0 = ballot.answers[0]!;
  const choice0 = answer0.choices[0]!;
  const tampers: [string, Ballot, string][] = [
    ['vote id', { ...ballot, voteId: 'other' }, 'wrong_vote'],
    ['fingerprint', { ...ballot, fingerprint: new Uint8Array(64) }, 'wrong_vote'],
    ['question id', { ...ballot, answers: [{ ...answer0, questionId: 'x' }, ballot.answers[1]!] }, 'wrong_question'],
    ['dropped answer', { ...ballot, answers: [answer0] }, 'wrong_question_count'],
    [
      'ciphertext',
      { ...ballot, answers: [{ ...answer0, choices: [{ ...choice0, ciphertext: flip(choice0.ciphertext) }, answer0.choices[1]!] }, ballot.answers[1]!] },
      'invalid_choice_proof',
    ],
    [
      'choice proof challenge',
      {
        ...ballot,
        answers: [
          { ...answer0, choices: [{ ...choice0, proof: [{ ...choice0.proof[0]!, challenge: bump(choice0.proof[0]!.challenge) }, choice0.proof[1]!] }, answer0.choices[1]!] },
          ballot.answers[1]!,
        ],
      },
      'invalid_choice_proof',
    ],
    [
      'overall proof response',
      { ...ballot, answers: [{ ...answer0, overall: [{ ...answer0.overall[0]!, response: bump(answer0.overall[0]!.response) }] }, ballot.answers[1]!] },
      'invalid_overall_proof',
    ],
    ['signature', { ...ballot, signature: { ...ballot.signature, response: bump(ballot.signature.response) } }, 'invalid_signature'],
  ];
  for (const [name, tampered, code] of tampers) {
    it(`rejects a changed ${name} with ${code}`, () => {
      expect(checkBallot(params, tampered)).toMatchObject({ ok: false, error: code });
    });
  }

  it('swapping two choices (both valid 0/1 encryptions) breaks the proof binding to the position', () => {
    const swapped = { ...ballot, answers: [{ ...answer0, choices: [answer0.choices[1]!, answer0.choices[0]!] }, ballot.answers[1]!] };
    expect(checkBallot(params, swapped)).toMatchObject({ ok: false, error: 'invalid_choice_proof' });
  });

  it('a ballot copied under another credential does not verify, even re-signed (Cortier–Smyth)', () => {
    const thief = credentialSecret(g, ELECTION, generatePrivateCredential(rng));
    const copied = { ...ballot, credential: g.baseMultiply(thief) };
    expect(checkBallot(params, copied)).toMatchObject({ ok: false, error: 'invalid_choice_proof' });
  });

  it('tracking codes differ between two encryptions of the same choice', () => {
    expect(trackingCode(g, make().ballot)).not.toBe(trackingCode(g, make().ballot));
    expect(trackingCode(g, ballot)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('auditBallot (Benaloh)', () => {
  it('accepts the true randomness and selections', () => {
    const { ballot, secrets } = make();
    expect(auditBallot(params, ballot, secrets).ok).toBe(true);
  });
  it('detects a device that encrypted something other than what it showed', () => {
    const { ballot, secrets } = make();
    const lie = { ...secrets, selections: [[0, 1], [0, 1, 1, 0]] as (0 | 1)[][] };
    expect(auditBallot(params, ballot, lie)).toMatchObject({ ok: false, error: 'ciphertext_mismatch' });
  });
});
