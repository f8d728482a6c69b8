// Tamper classes of the cast ballots and the revote policy (checks ballots, revote_policy): a
// ballot's proof, signature, ciphertext, encoding, tracking code or credential; superseded events
// and vote_closed counts. Ballots are edited as decoded values and re-encoded with the real codec.
import { type Ballot, parseWireBallot, toCanonical, toWireBallot, trackingCode } from '@ratify/protocol';
import { unwrap } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { codes, failed, findings, type MutableEntry, nth, obj, rewritten, verify } from './helpers.ts';

const vote = buildVote();
const g = vote.group;
const edit = (fn: Parameters<typeof rewritten>[1]) => rewritten(vote.entries, fn);
const F = g.scalars;

/** Re-encodes the n-th accepted ballot after `change`, with its (new) true tracking code. */
function reballot(entries: MutableEntry[], n: number, change: (b: Ballot) => Ballot): void {
  const entry = nth(entries, 'ballot_accepted', n);
  const ballot = change(unwrap(parseWireBallot(g, toCanonical(entry.payload.ballot!))));
  entry.payload.ballot = toWireBallot(g, ballot);
  entry.payload.trackingCode = trackingCode(g, ballot);
}

const seqOf = (entries: readonly { kind: string }[], kind: string, n: number) =>
  entries.map((e, seq) => ({ e, seq })).filter(({ e }) => e.kind === kind)[n]!.seq;
const firstBallotSeq = seqOf(vote.entries, 'ballot_accepted', 0);

describe('ballots', () => {
  it('an overall proof that does not verify is located by seq and question', async () => {
    const report = await verify(
      edit((entries) =>
        reballot(entries, 0, (b) => {
          const [a0, ...rest] = b.answers;
          const [p0, ...ps] = a0!.overall;
          return { ...b, answers: [{ ...a0!, overall: [{ ...p0!, response: F.add(p0!.response, F.one) }, ...ps] }, ...rest] };
        }),
      ),
    );
    expect(failed(report)).toEqual(['ballots']);
    expect(findings(report, 'ballots')).toEqual([expect.objectContaining({ code: 'invalid_overall_proof', location: expect.objectContaining({ seq: firstBallotSeq, question: 'ratify' }) })]);
    expect(report.ballots).toMatchObject({ checked: 12, valid: 11 });
  });

  it('a signature that does not verify', async () => {
    const report = await verify(edit((entries) => reballot(entries, 0, (b) => ({ ...b, signature: { ...b.signature, response: F.add(b.signature.response, F.one) } }))));
    expect(failed(report)).toEqual(['ballots']);
    expect(codes(report, 'ballots')).toEqual(['invalid_signature']);
  });

  it('a changed ciphertext fails its choice proof (question, option) and the tally', async () => {
    const report = await verify(
      edit((entries) =>
        reballot(entries, 0, (b) => {
          const [a0, a1] = b.answers;
          const choices = a1!.choices.map((c, i) => (i === 2 ? { ...c, ciphertext: { ...c.ciphertext, beta: g.add(c.ciphertext.beta, g.generator) } } : c));
          return { ...b, answers: [a0!, { ...a1!, choices }] };
        }),
      ),
    );
    expect(failed(report)).toEqual(['ballots', 'tally']);
    expect(findings(report, 'ballots')).toEqual([expect.objectContaining({ code: 'invalid_choice_proof', location: expect.objectContaining({ seq: firstBallotSeq, question: 'stewards', option: 2 }) })]);
    expect(findings(report, 'tally')).toEqual([expect.objectContaining({ code: 'tally_mismatch', location: expect.objectContaining({ question: 'stewards', option: 2 }) })]);
  });

  it('an invalid group element in a ballot is a wire error with its JSON path', async () => {
    const report = await verify(
      edit((entries) => {
        const ballot = obj(nth(entries, 'ballot_accepted', 0).payload.ballot);
        const answers = ballot.answers as { choices: { ciphertext: { alpha: string } }[] }[];
        answers[0]!.choices[1]!.ciphertext.alpha = 'ff'.repeat(32);
      }),
    );
    expect(findings(report, 'ballots')).toEqual([
      expect.objectContaining({ code: 'invalid_element', location: expect.objectContaining({ path: '$.answers[0].choices[1].ciphertext.alpha' }) }),
    ]);
    expect(codes(report, 'tally')).toEqual(['tally_not_recomputable']);
  });

  it('a wrong tracking code', async () => {
    const report = await verify(edit((entries) => (nth(entries, 'ballot_accepted', 0).payload.trackingCode = nth(entries, 'ballot_accepted', 1).payload.trackingCode!)));
    expect(failed(report)).toEqual(['ballots']);
    expect(findings(report, 'ballots')).toEqual([expect.objectContaining({ code: 'tracking_code_mismatch', location: expect.objectContaining({ seq: firstBallotSeq }) })]);
  });

  it('a ballot cast with a credential that is not on the list', async () => {
    const unlisted = buildVote({ unlisted: [3] });
    const report = await verify(unlisted.files);
    expect(failed(report)).toEqual(['ballots']);
    expect(findings(report, 'ballots')).toEqual([
      expect.objectContaining({ code: 'unknown_credential', location: expect.objectContaining({ seq: seqOf(unlisted.entries, 'ballot_accepted', 3) }) }),
    ]);
  });
});

describe('revote_policy', () => {
  it('a missing ballot_superseded event', async () => {
    const report = await verify(edit((entries) => entries.splice(entries.findIndex((e) => e.kind === 'ballot_superseded'), 1)));
    expect(failed(report)).toEqual(['revote_policy']);
    expect(codes(report, 'revote_policy')).toEqual(['missing_superseded']);
  });

  it('a ballot_superseded event naming the wrong ballot', async () => {
    const report = await verify(edit((entries) => (nth(entries, 'ballot_superseded', 1).payload.trackingCode = nth(entries, 'ballot_accepted', 0).payload.trackingCode!)));
    expect(failed(report)).toEqual(['revote_policy']);
    expect(codes(report, 'revote_policy')).toEqual(['wrong_superseded']);
  });

  it('a ballot_superseded event where nothing was superseded', async () => {
    const report = await verify(
      edit((entries) => {
        const first = entries.findIndex((e) => e.kind === 'ballot_accepted');
        const code = entries[first]!.payload.trackingCode!;
        entries.splice(first + 1, 0, { kind: 'ballot_superseded', payload: { supersededBy: code, trackingCode: code } });
      }),
    );
    expect(failed(report)).toEqual(['revote_policy']);
    expect(codes(report, 'revote_policy')).toEqual(['unexpected_superseded']);
  });

  it('wrong vote_closed counts', async () => {
    const report = await verify(
      edit((entries) => {
        const closed = nth(entries, 'vote_closed').payload;
        closed.ballotsAccepted = 13;
        closed.ballotsCounted = 12;
      }),
    );
    expect(failed(report)).toEqual(['revote_policy']);
    expect(codes(report, 'revote_policy')).toEqual(['wrong_ballots_accepted', 'wrong_ballots_counted']);
  });

  it('a first_counts vote has no superseded events and counts the first ballot', async () => {
    const report = await verify(buildVote({ revotePolicy: 'first_counts', voters: 4, revoters: [1], chooseQuestion: false, seed: 'first' }).files);
    expect(failed(report)).toEqual([]);
    expect(report.ballots).toMatchObject({ accepted: 5, counted: 4, superseded: 0 });
  });
});
