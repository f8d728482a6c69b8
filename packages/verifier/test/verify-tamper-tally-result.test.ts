// Tamper classes after the close (checks tally, partial_decryptions, decryption, outcome): a wrong
// encrypted tally (even when the trustees honestly decrypt it), bad or missing partial decryptions,
// wrong counts, turnout or decryptedBy in the result, and a wrong rule evaluation.
import { createPartialDecryption } from '@ratify/crypto';
import { type CanonicalValue, computeEncryptedTally, evaluateRule, parseWireBallot, toCanonical, toWirePartialDecryption, toWireEncryptedTally } from '@ratify/protocol';
import { unwrap } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { bumpScalarHex, codes, failed, findings, type MutableEntry, nth, obj, rewritten, verify } from './helpers.ts';

const vote = buildVote();
const g = vote.group;
const edit = (fn: (entries: MutableEntry[]) => void) => rewritten(vote.entries, fn);
const question = (entries: MutableEntry[], q: number) => obj((obj(nth(entries, 'result_published').payload.result).questions as CanonicalValue[])[q]);

describe('tally', () => {
  it('a tally that also counts superseded ballots fails even when the trustees decrypt it honestly', async () => {
    const report = await verify(
      edit((entries) => {
        const all = entries.filter((e) => e.kind === 'ballot_accepted').map((e) => unwrap(parseWireBallot(g, toCanonical(e.payload.ballot!))));
        const tally = computeEncryptedTally(g, vote.ballotParams.questions, all);
        nth(entries, 'tally_computed').payload.tally = toWireEncryptedTally(g, tally);
        [0, 1].forEach((n) => {
          const partial = createPartialDecryption(g, vote.keys[n === 0 ? 0 : 2]!, tally.flat(), vote.fingerprint, vote.rng);
          nth(entries, 'partial_decryption', n).payload.partialDecryption = toWirePartialDecryption(g, partial);
        });
      }),
    );
    expect(failed(report)).toEqual(['tally', 'decryption']);
    expect(new Set(codes(report, 'tally'))).toEqual(new Set(['tally_mismatch']));
    expect(codes(report, 'decryption')).toContain('count_mismatch');
  });
});

describe('partial_decryptions', () => {
  const three = buildVote({ decryptors: [1, 2, 3] });
  const partial = (entries: MutableEntry[], n: number) => obj(nth(entries, 'partial_decryption', n).payload.partialDecryption);

  it('a decryption proof that does not verify names the trustee, question and option', async () => {
    const report = await verify(
      rewritten(three.entries, (entries) => {
        const proofs = partial(entries, 2).proofs as { response: string }[];
        proofs[0]!.response = bumpScalarHex(proofs[0]!.response);
      }),
    );
    expect(failed(report)).toEqual(['partial_decryptions']);
    expect(findings(report, 'partial_decryptions')).toEqual([
      expect.objectContaining({ code: 'bad_decryption_proof', location: expect.objectContaining({ trustee: 3, question: 'ratify', option: 0 }) }),
    ]);
  });

  it('a wrong decryption factor', async () => {
    const report = await verify(
      rewritten(three.entries, (entries) => {
        const factors = partial(entries, 2).factors as string[];
        factors[3] = factors[4]!;
      }),
    );
    expect(failed(report)).toEqual(['partial_decryptions']);
    expect(findings(report, 'partial_decryptions')[0]!.location).toMatchObject({ trustee: 3, question: 'stewards', option: 1 });
  });

  it('fewer than k partial decryptions', async () => {
    const report = await verify(edit((entries) => entries.splice(entries.findIndex((e) => e.kind === 'partial_decryption'), 1)));
    expect(codes(report, 'partial_decryptions')).toEqual(['not_enough_partial_decryptions']);
    // The result still claims trustee 1 decrypted.
    expect(codes(report, 'decryption')).toEqual(['wrong_decrypted_by']);
    expect(failed(report)).toEqual(['partial_decryptions', 'decryption']);
  });

  it('two partial decryptions from one trustee', async () => {
    const report = await verify(
      edit((entries) => {
        const at = entries.findIndex((e) => e.kind === 'partial_decryption');
        entries.splice(at + 1, 0, structuredClone(entries[at]!));
      }),
    );
    expect(failed(report)).toEqual(['partial_decryptions']);
    expect(findings(report, 'partial_decryptions')).toEqual([expect.objectContaining({ code: 'duplicate_trustee', location: expect.objectContaining({ trustee: 1 }) })]);
  });
});

describe('decryption', () => {
  it('wrong counts in the result, even with a consistently recomputed evaluation', async () => {
    const report = await verify(
      edit((entries) => {
        const q = question(entries, 0);
        const counts = obj(q.counts);
        counts.options = [5, 4];
        q.evaluation = unwrap(evaluateRule(vote.manifest.questions[0]!.rule, { options: [5, 4], blank: 1 }, { eligible: 20, voted: 10 })) as unknown as CanonicalValue;
      }),
    );
    expect(failed(report)).toEqual(['decryption']);
    expect(findings(report, 'decryption').map((f) => [f.code, f.location.question, f.location.option])).toEqual([
      ['count_mismatch', 'ratify', 0],
      ['count_mismatch', 'ratify', 1],
    ]);
  });

  it('a wrong blank count, turnout or decryptedBy', async () => {
    const report = await verify(
      edit((entries) => {
        obj(question(entries, 0).counts).blank = 0;
        const result = obj(nth(entries, 'result_published').payload.result);
        obj(result.turnout).eligible = 21;
        result.decryptedBy = [1, 2];
      }),
    );
    expect(failed(report)).toEqual(['decryption']);
    expect(codes(report, 'decryption')).toEqual(['turnout_mismatch', 'wrong_decrypted_by', 'blank_mismatch']);
  });
});

describe('outcome', () => {
  it('a wrong outcome', async () => {
    const report = await verify(edit((entries) => (obj(question(entries, 0).evaluation).outcome = { kind: 'failed' })));
    expect(failed(report)).toEqual(['outcome']);
    expect(findings(report, 'outcome')).toEqual([expect.objectContaining({ code: 'wrong_evaluation', location: expect.objectContaining({ question: 'ratify' }) })]);
    expect(report.outcomes[0]).toMatchObject({ recomputed: 'passed', published: 'failed' });
  });

  it('wrong plurality winners', async () => {
    const report = await verify(edit((entries) => (obj(question(entries, 1).evaluation).outcome = { kind: 'elected', winners: [0, 1] })));
    expect(failed(report)).toEqual(['outcome']);
    expect(findings(report, 'outcome')[0]!.location.question).toBe('stewards');
  });

  it('a wrong number in a rule check', async () => {
    const report = await verify(
      edit((entries) => {
        const checks = obj(question(entries, 0).evaluation).checks as { value: { denominator: number } }[];
        checks[0]!.value.denominator = 10;
      }),
    );
    expect(failed(report)).toEqual(['outcome']);
    expect(codes(report, 'outcome')).toEqual(['wrong_evaluation']);
  });
});
