// The `follow_ups` check (record-format §5 item 14, protocol §M7): a record whose manifest declares
// follow-ups states the triggered one in its result and in the report; a result that drops, adds or
// alters a follow-up fails `follow_ups` alone, naming the question.
import type { CanonicalValue } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { formatReport } from '../src/index.ts';
import { codes, failed, findings, type MutableEntry, nth, obj, rewritten, verify } from './helpers.ts';

const strike = {
  questionId: 'ratify',
  outcome: 'failed' as const,
  text: 'If ratification fails, a strike-authorization vote opens.',
  vote: {
    title: 'Strike authorization',
    questions: [
      {
        kind: 'yes_no' as const,
        id: 'authorize-strike',
        text: 'Do you authorize a strike?',
        options: ['yes', 'no'] as ['yes', 'no'],
        min: 1 as const,
        max: 1 as const,
        blankAllowed: false,
        rule: { kind: 'supermajority' as const, threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' as const },
      },
    ],
  },
};
const contract = { questionId: 'ratify', outcome: 'passed' as const, text: 'The new contract takes effect on ratification.' };
const elected = { questionId: 'stewards', outcome: 'elected' as const, text: 'The stewards take office at the next meeting.' };

// The builder's ratify question passes (most voters vote yes); stewards are elected.
const vote = buildVote({ followUps: [strike, contract, elected] });
const edit = (fn: (entries: MutableEntry[]) => void) => rewritten(vote.entries, fn);
const resultOf = (entries: MutableEntry[]) => obj(nth(entries, 'result_published').payload.result);

describe('follow_ups: a good record', () => {
  it('the result and the report state which follow-up each outcome triggers', async () => {
    const report = await verify(vote.files);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'follow_ups')?.status).toBe('passed');
    expect(report.outcomes.map((o) => [o.questionId, o.recomputed, o.followUp])).toEqual([
      ['ratify', 'passed', { kind: 'note', declared: 'passed', text: contract.text }],
      ['stewards', 'elected', { kind: 'note', declared: 'elected', text: elected.text }],
    ]);
    expect(formatReport(report)).toContain(`what follows (note): ${contract.text}`);
    const result = JSON.parse(vote.files['result.json']!) as { followUps: unknown[] };
    expect(result.followUps).toHaveLength(2);
  });

  it('a record whose manifest declares none has no followUps in its result and passes', async () => {
    const plain = buildVote();
    expect(JSON.parse(plain.files['result.json']!)).not.toHaveProperty('followUps');
    expect((await verify(plain.files)).checks.find((c) => c.name === 'follow_ups')?.status).toBe('passed');
  });
});

describe('follow_ups: tampered results', () => {
  it('claiming the strike vote that only a failure triggers', async () => {
    const report = await verify(
      edit((entries) => {
        const list = resultOf(entries).followUps as Record<string, CanonicalValue>[];
        list[0] = { questionId: 'ratify', outcome: 'failed', declared: 'failed', kind: 'vote', text: strike.text, title: strike.vote.title };
      }),
    );
    expect(failed(report)).toEqual(['follow_ups']);
    expect(findings(report, 'follow_ups')).toEqual([
      expect.objectContaining({ code: 'wrong_follow_up', location: expect.objectContaining({ question: 'ratify', path: '$.followUps' }) }),
    ]);
  });

  it('dropping a triggered follow-up', async () => {
    const report = await verify(edit((entries) => (resultOf(entries).followUps = (resultOf(entries).followUps as CanonicalValue[]).slice(1))));
    expect(failed(report)).toEqual(['follow_ups']);
    expect(findings(report, 'follow_ups')).toEqual([expect.objectContaining({ code: 'missing_follow_up', location: expect.objectContaining({ question: 'ratify' }) })]);
  });

  it('dropping every follow-up (the field removed)', async () => {
    const report = await verify(edit((entries) => delete resultOf(entries).followUps));
    expect(failed(report)).toEqual(['follow_ups']);
    expect(codes(report, 'follow_ups')).toEqual(['missing_follow_up', 'missing_follow_up']);
  });

  it('adding one the manifest does not declare', async () => {
    const plain = buildVote();
    const report = await verify(
      rewritten(plain.entries, (entries) => {
        resultOf(entries).followUps = [{ questionId: 'ratify', outcome: 'passed', declared: 'passed', kind: 'note', text: 'A bonus is paid.' }];
      }),
    );
    expect(failed(report)).toEqual(['follow_ups']);
    expect(codes(report, 'follow_ups')).toEqual(['unexpected_follow_up']);
  });

  it('altering the text members were promised', async () => {
    const report = await verify(edit((entries) => (obj((resultOf(entries).followUps as CanonicalValue[])[0]).text = 'Nothing follows.')));
    expect(codes(report, 'follow_ups')).toEqual(['wrong_follow_up']);
    expect(failed(report)).toEqual(['follow_ups']);
  });

  it('an empty list instead of an absent field', async () => {
    const plain = buildVote();
    const report = await verify(rewritten(plain.entries, (entries) => (resultOf(entries).followUps = [])));
    expect(codes(report, 'follow_ups')).toEqual(['malformed_follow_ups']);
  });
});
