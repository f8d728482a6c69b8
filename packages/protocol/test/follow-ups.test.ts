// Linked follow-ups (docs/protocol.md §M3 invariants 8–9, §M7): strict validation of the declaration
// (each malformed one rejected with its reason, on the builder and the wire path alike), fingerprint
// stability for manifests that declare no vote follow-up, and which follow-up an outcome triggers.
import { describe, expect, it } from 'vitest';
import { unwrap } from '@ratify/crypto';
import {
  computeResult, createManifest, electionFingerprintHex, followUpFor, parseWireManifest, toWireManifest, triggeredFollowUps,
  type ManifestDraft,
} from '../src/index.ts';
import { readVector } from '../../../test-vectors/protocol/vectors.ts';
import { aftraDraft, aftraManifest, officerDraft, sagDraft, sagManifest } from './manifest-fixtures.ts';

type DraftFollowUp = NonNullable<ManifestDraft['followUps']>[number];
type DraftQuestion = ManifestDraft['questions'][number];

const strikeQuestion: DraftQuestion = {
  kind: 'yes_no',
  id: 'authorize-strike',
  text: 'Do you authorize the National Board to call a strike?',
  options: ['yes', 'no'],
  min: 1,
  max: 1,
  blankAllowed: false,
  rule: { kind: 'supermajority', threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' },
};
const strikeVote: DraftFollowUp = {
  questionId: 'ratify',
  outcome: 'failed',
  text: 'If ratification fails, a strike-authorization vote opens.',
  vote: { title: 'Strike authorization', questions: [strikeQuestion] },
};
const note: DraftFollowUp = { questionId: 'ratify', outcome: 'passed', text: 'The new contract takes effect on ratification.' };
const withFollowUps = (followUps: DraftFollowUp[], base: ManifestDraft = aftraDraft): ManifestDraft => ({ ...base, followUps });
const withTemplate = (questions: unknown[]): ManifestDraft =>
  withFollowUps([{ ...strikeVote, vote: { title: 'Strike authorization', questions: questions as DraftQuestion[] } }]);

/** The error code of the builder and of the wire path (the text built by hand, bypassing the builder). */
function codes(draft: ManifestDraft): [string, string, string | undefined] {
  const built = createManifest(draft);
  const wire = toWireManifest({ version: 'ratify/v2', revotePolicy: 'last_counts', followUps: [], ...draft } as never);
  const parsed = parseWireManifest(wire);
  return [built.ok ? 'ok' : built.error, parsed.ok ? 'ok' : parsed.error, built.ok ? undefined : built.detail];
}

describe('follow-up declaration: valid forms', () => {
  it('a vote follow-up and a note on one question round-trip through the canonical bytes', () => {
    const m = unwrap(createManifest(withFollowUps([note, strikeVote])));
    const wire = toWireManifest(m);
    expect(unwrap(parseWireManifest(wire))).toEqual(m);
    expect(wire).toContain('"vote":{"questions":[');
  });

  it('the declaration is covered by the fingerprint: changing what follows changes it', () => {
    const a = unwrap(createManifest(withFollowUps([note, strikeVote])));
    const b = unwrap(createManifest(withFollowUps([note, { ...strikeVote, vote: { ...strikeVote.vote!, title: 'Strike authorization (2/3)' } }])));
    const c = unwrap(createManifest(withFollowUps([note])));
    expect(new Set([electionFingerprintHex(a), electionFingerprintHex(b), electionFingerprintHex(c)]).size).toBe(3);
  });

  it('a template may set its own revote policy and choose questions', () => {
    const officer = officerDraft.questions[0]!;
    expect(codes(withFollowUps([{ ...strikeVote, vote: { title: 'Officers', questions: [officer], revotePolicy: 'first_counts' } }]))[0]).toBe('ok');
  });
});

describe('fingerprint stability for manifests without vote follow-ups', () => {
  it.each([
    ['manifest-aftra-2008-ratification', aftraManifest],
    ['manifest-sag-2009-strike-authorization', sagManifest],
  ] as const)('%s: the same bytes and the same golden fingerprint as before the field existed', (name, build) => {
    const wire = toWireManifest(build());
    expect(wire).toBe(readVector(`${name}.json`));
    expect(wire).not.toContain('"vote"');
    expect(electionFingerprintHex(unwrap(parseWireManifest(wire)))).toBe(readVector(`${name}.fingerprint.hex`));
  });
});

describe('follow-up declaration: each malformed one is rejected with its reason', () => {
  it.each<[string, ManifestDraft, string]>([
    ['an unknown question', withFollowUps([{ ...strikeVote, questionId: 'nope' }]), 'follow_up_unknown_question'],
    ['an outcome the rule cannot produce (no turnout floor)', withFollowUps([{ ...note, outcome: 'turnout_not_met' }]), 'follow_up_impossible_outcome'],
    ['a plurality outcome on a yes/no question', withFollowUps([{ ...note, outcome: 'elected' }]), 'follow_up_impossible_outcome'],
    ['passed on a plurality question', withFollowUps([{ ...note, questionId: 'vice-presidents' }], officerDraft), 'follow_up_impossible_outcome'],
    ['a duplicate (question, outcome) pair', withFollowUps([strikeVote, { ...note, outcome: 'failed' }]), 'duplicate_follow_up'],
    ['a template with duplicate question ids', withTemplate([strikeQuestion, strikeQuestion]), 'follow_up_invalid_template'],
    ['a template with a threshold below half', withTemplate([{ ...strikeQuestion, rule: { kind: 'supermajority', threshold: { numerator: 1, denominator: 3 }, blankPolicy: 'excluded' } }]), 'follow_up_invalid_template'],
    ['a template with a plurality rule on a yes/no question', withTemplate([{ ...strikeQuestion, rule: { kind: 'plurality', seats: 1 } }]), 'follow_up_invalid_template'],
    ['a template allowing blanks without saying so', withTemplate([{ ...strikeQuestion, min: 0 }]), 'follow_up_invalid_template'],
    ['a template with no questions', withTemplate([]), 'schema_mismatch'],
    ['a template question without a rule', withTemplate([(({ rule: _r, ...q }) => q)(strikeQuestion)]), 'schema_mismatch'],
    ['a template with a vote id (ids are the administrator’s)', withFollowUps([{ ...strikeVote, vote: { ...strikeVote.vote!, voteId: 'x' } as never }]), 'schema_mismatch'],
    ['a template with a schedule', withFollowUps([{ ...strikeVote, vote: { ...strikeVote.vote!, schedule: { opensAt: '2008-07-10T16:00:00Z', closesAt: '2008-07-20T16:00:00Z' } } as never }]), 'schema_mismatch'],
    ['a template without a title', withFollowUps([{ ...strikeVote, vote: { questions: [strikeQuestion] } as never }]), 'schema_mismatch'],
    ['an empty follow-up text', withFollowUps([{ ...note, text: '' }]), 'schema_mismatch'],
    ['an untrimmed follow-up text', withFollowUps([{ ...note, text: ' Bargaining resumes.' }]), 'schema_mismatch'],
    ['an unknown outcome', withFollowUps([{ ...note, outcome: 'rejected' as never }]), 'schema_mismatch'],
    ['an unknown field', withFollowUps([{ ...note, kind: 'note' } as never]), 'schema_mismatch'],
  ])('%s', (_, draft, expected) => {
    const [built, wire] = codes(draft);
    expect(built).toBe(expected);
    expect(wire).toBe(expected);
  });

  it('a template error names the follow-up and the inner invariant', () => {
    const [, , detail] = codes(withTemplate([{ ...strikeQuestion, min: 0 }]));
    expect(detail).toBe('followUps.0.vote: blank_mismatch (question authorize-strike: min 0 allows a blank ballot, so blankAllowed must be true)');
  });

  it('more than 64 follow-ups are refused', () => {
    const many = Array.from({ length: 65 }, () => note);
    expect(codes(withFollowUps(many))[0]).toBe('schema_mismatch');
  });
});

describe('which follow-up an outcome triggers', () => {
  const floored: ManifestDraft = {
    ...aftraDraft,
    questions: [{ ...aftraDraft.questions[0]!, rule: { kind: 'ratification', blankPolicy: 'excluded', turnoutFloor: { numerator: 1, denominator: 2 } } }],
  };
  const m = unwrap(createManifest(withFollowUps([note, strikeVote], floored)));

  it('passed triggers the passed declaration; failed the failed one', () => {
    expect(followUpFor(m, 'ratify', 'passed')?.text).toBe(note.text);
    expect(followUpFor(m, 'ratify', 'failed')?.vote?.title).toBe('Strike authorization');
  });

  it('a failed turnout floor triggers the failed declaration unless turnout_not_met has its own', () => {
    expect(followUpFor(m, 'ratify', 'turnout_not_met')?.outcome).toBe('failed');
    const own = unwrap(createManifest(withFollowUps([note, strikeVote, { ...note, outcome: 'turnout_not_met', text: 'The vote is run again.' }], floored)));
    expect(followUpFor(own, 'ratify', 'turnout_not_met')?.text).toBe('The vote is run again.');
  });

  it('nothing declared, nothing triggered', () => {
    expect(followUpFor(unwrap(createManifest(withFollowUps([note]))), 'ratify', 'failed')).toBeUndefined();
    expect(followUpFor(m, 'other', 'failed')).toBeUndefined();
  });

  it('computeResult names the triggered follow-up, from the exact rule evaluation', () => {
    // 700 eligible, 350 voted (exactly the 1/2 floor); 175 yes / 175 no is a tie, which fails.
    const tie = unwrap(computeResult(m, [[175, 175]], 350, [1, 2]));
    expect(tie.followUps).toEqual([
      { questionId: 'ratify', outcome: 'failed', declared: 'failed', kind: 'vote', text: strikeVote.text, title: 'Strike authorization' },
    ]);
    const passed = unwrap(computeResult(m, [[176, 174]], 350, [1, 2]));
    expect(passed.followUps).toEqual([{ questionId: 'ratify', outcome: 'passed', declared: 'passed', kind: 'note', text: note.text }]);
    // 349 voters miss the floor even with every vote yes.
    const short = unwrap(computeResult(m, [[349, 0]], 349, [1, 2]));
    expect(short.questions[0]!.evaluation.outcome.kind).toBe('turnout_not_met');
    expect(short.followUps).toEqual([
      { questionId: 'ratify', outcome: 'turnout_not_met', declared: 'failed', kind: 'vote', text: strikeVote.text, title: 'Strike authorization' },
    ]);
  });

  it('a result with nothing triggered has no followUps field (its bytes are unchanged)', () => {
    const r = unwrap(computeResult(sagManifest(), [[10, 5]], 15, [1, 2, 3]));
    expect('followUps' in r).toBe(false);
    expect(triggeredFollowUps(sagManifest(), [{ questionId: 'authorize-strike', outcome: 'failed' }])).toEqual([]);
    expect(sagDraft.followUps).toHaveLength(1);
  });
});
