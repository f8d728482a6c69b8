// Linked follow-ups in the web pages' logic: the draft form's follow-up rows (a note, or a vote with
// one or more template questions) become manifest declarations the protocol accepts (and its
// refusals are named), the follow-up draft form is pre-filled from the template and the parent's
// trustees and sends the template's questions verbatim, the words for conditions and outcomes
// (EN/ES), what became of each declaration (the vote console), the start page's route and where a
// started follow-up is.
import { createManifest, triggeredFollowUps } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { newDraftForm, newQuestion, toDraftDefinition } from '../src/admin/draft-definition.ts';
import { followUpChildPath, followUpDefinition, followUpDraftForm, followUpStartPath, newFollowUp, startedFollowUp, outcomesFor, toFollowUpDeclaration, withTemplateQuestion, withoutTemplateQuestion } from '../src/admin/follow-up-form.ts';
import { translate } from '../src/i18n/i18n.ts';
import { conditionWords, declarationOf, declarationState, declaredFor, outcomeName, startable, triggeredFor, type VoteFollowUps } from '../src/public/follow-up-words.ts';
import { parseRoute, routePath } from '../src/router.ts';
import { testManifest } from './fixtures.ts';

const en = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('en', k, v);
const es = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('es', k, v);

const strikeRow = {
  ...newFollowUp(),
  outcome: 'failed' as const,
  kind: 'vote' as const,
  text: ' If ratification fails, a strike-authorization vote opens. ',
  title: 'Strike authorization',
  questions: [{ ...newFollowUp().questions[0]!, text: 'Do you authorize a strike?' }],
};
const noteRow = { ...newFollowUp(), outcome: 'passed' as const, text: 'The new contract takes effect on ratification.' };

describe('declaring follow-ups in the draft form', () => {
  const form = { ...newDraftForm(), questions: [{ ...newQuestion(), text: 'Do you ratify?' }], followUps: [strikeRow, noteRow] };
  const definition = toDraftDefinition(form);

  it('a vote row becomes a declaration with a 75% template question; a note row a text', () => {
    expect(definition['followUps']).toEqual([
      {
        questionId: 'q1', outcome: 'failed', text: 'If ratification fails, a strike-authorization vote opens.',
        vote: {
          title: 'Strike authorization',
          questions: [{ id: 'q1', kind: 'yes_no', text: 'Do you authorize a strike?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'supermajority', threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' } }],
        },
      },
      { questionId: 'q1', outcome: 'passed', text: 'The new contract takes effect on ratification.' },
    ]);
    expect(toDraftDefinition({ ...form, followUps: [] })).not.toHaveProperty('followUps');
  });

  it('the protocol accepts what the form sends, and triggers the strike vote on a failure', () => {
    const questions = definition['questions'] as never;
    const m = createManifest({ ...testManifestDraft(), questions, followUps: definition['followUps'] as never });
    expect(m.ok).toBe(true);
    if (m.ok) expect(triggeredFollowUps(m.value, [{ questionId: 'q1', outcome: 'failed' }])).toMatchObject([{ kind: 'vote', title: 'Strike authorization' }]);
  });

  it('a template rule the protocol refuses is named (a threshold below half)', () => {
    const bad = toFollowUpDeclaration({ ...strikeRow, questions: [{ ...strikeRow.questions[0]!, threshold: { numerator: '1', denominator: '3' } }] });
    const m = createManifest({ ...testManifestDraft(), questions: definition['questions'] as never, followUps: [bad] as never });
    expect(m).toMatchObject({ ok: false, error: 'follow_up_invalid_template' });
  });

  it('a vote row may have several template questions, numbered in order, each with its own rule', () => {
    const two = withTemplateQuestion(strikeRow);
    expect(two.questions).toHaveLength(2);
    expect(two.questions[1]).toMatchObject({ kind: 'yes_no', ruleKind: 'supermajority', threshold: { numerator: '3', denominator: '4' } });
    const row = { ...two, questions: [two.questions[0]!, { ...two.questions[1]!, text: 'Do you authorize a picket?', ruleKind: 'ratification' as const }] };
    const declaration = toFollowUpDeclaration(row) as { vote: { questions: { id: string; text: string; rule: { kind: string } }[] } };
    expect(declaration.vote.questions.map((q) => [q.id, q.text, q.rule.kind])).toEqual([
      ['q1', 'Do you authorize a strike?', 'supermajority'],
      ['q2', 'Do you authorize a picket?', 'ratification'],
    ]);
    const m = createManifest({ ...testManifestDraft(), questions: definition['questions'] as never, followUps: [declaration] as never });
    expect(m.ok).toBe(true);
    // A problem in the second question is the template's, named by the protocol.
    const bad = toFollowUpDeclaration({ ...row, questions: [row.questions[0]!, { ...row.questions[1]!, ruleKind: 'supermajority', threshold: { numerator: '1', denominator: '3' } }] });
    expect(createManifest({ ...testManifestDraft(), questions: definition['questions'] as never, followUps: [bad] as never })).toMatchObject({ ok: false, error: 'follow_up_invalid_template', detail: expect.stringContaining('question q2') });
  });

  it('removes a template question but never the last one', () => {
    const two = withTemplateQuestion(strikeRow);
    expect(withoutTemplateQuestion(two, 0).questions).toEqual([two.questions[1]]);
    expect(withoutTemplateQuestion(strikeRow, 0)).toBe(strikeRow);
  });

  it('offers the outcomes a question can have', () => {
    expect(outcomesFor(newQuestion())).toEqual(['passed', 'failed', 'turnout_not_met', 'support_floor_not_met']);
    expect(outcomesFor({ ...newQuestion(), kind: 'choose' })).toEqual(['elected', 'tie', 'no_votes', 'turnout_not_met']);
    expect(outcomesFor(undefined)).toEqual([]);
  });
});

function testManifestDraft() {
  const { version: _v, followUps: _f, ...m } = testManifest();
  return m as never as Parameters<typeof createManifest>[0];
}

describe('starting a follow-up vote', () => {
  const template = { title: 'Strike authorization', questions: [{ id: 'authorize-strike', text: 'Do you authorize a strike?', kind: 'yes_no' }] };
  const parent = { trustees: { threshold: 2, members: [{ name: 'Ana', account: 'ana' }, { name: 'Ben' }, { name: 'Cyd', account: 'cyd' }] } };

  it('pre-fills the title, union and the parent’s trustees; the schedule is left to the administrator', () => {
    const form = followUpDraftForm(template, 'local-9', parent);
    expect(form).toMatchObject({ title: 'Strike authorization', unionId: 'local-9', threshold: '2', opensAt: '', closesAt: '', recordDate: '', voteId: '' });
    expect(form.trustees).toEqual([{ name: 'Ana', account: 'ana' }, { name: 'Ben', account: '' }, { name: 'Cyd', account: 'cyd' }]);
    expect(followUpDraftForm(template, 'local-9').trustees).toHaveLength(3);
  });

  it('sends the template’s questions verbatim, the parent’s union, and the template’s revote policy', () => {
    const form = { ...followUpDraftForm({ ...template, revotePolicy: 'first_counts' }, 'local-9', parent), voteId: 'local-9-strike', unionId: 'other', questions: [{ ...newQuestion(), text: 'edited?' }] };
    const d = followUpDefinition(form, { ...template, revotePolicy: 'first_counts' }, 'local-9');
    expect(d).toMatchObject({ voteId: 'local-9-strike', unionId: 'local-9', title: 'Strike authorization', questions: template.questions, revotePolicy: 'first_counts' });
    expect(d).not.toHaveProperty('followUps');
  });

  it('has its own page route', () => {
    const path = followUpStartPath('local-9-ratify', 'ratify');
    expect(path).toBe('/admin/votes/local-9-ratify/follow-up?question=ratify');
    const route = parseRoute('/admin/votes/local-9-ratify/follow-up', '?question=ratify');
    expect(route).toEqual({ kind: 'admin_follow_up', voteId: 'local-9-ratify', questionId: 'ratify' });
    expect(routePath(route)).toBe(path);
    expect(parseRoute('/admin/votes/x/follow-up', '?question=Bad Id')).toEqual({ kind: 'admin_follow_up', voteId: 'x', questionId: '' });
  });

  it('finds the follow-up started from a question, and links its draft, then its vote’s console', () => {
    const link = { parentVoteId: 'local-9-ratify', questionId: 'ratify', outcome: 'failed', childId: 'local-9-strike', startedBy: 'ada', startedAt: '2030-01-01T00:00:00Z', childStatus: 'draft' as const };
    const links = { id: 'local-9-ratify', followsFrom: null, started: [link] };
    expect(startedFollowUp(links, 'ratify')).toBe(link);
    expect(startedFollowUp(links, 'other')).toBeUndefined();
    expect(followUpChildPath(link)).toBe('/admin/drafts/local-9-strike');
    expect(followUpChildPath({ ...link, childStatus: 'vote' })).toBe('/admin/votes/local-9-strike');
    expect(parseRoute('/admin/drafts/local-9-strike', '')).toEqual({ kind: 'admin_draft', id: 'local-9-strike' });
    expect(parseRoute('/admin/votes/local-9-strike', '')).toEqual({ kind: 'admin_vote', id: 'local-9-strike' });
  });
});

describe('follow-ups in words', () => {
  const f: VoteFollowUps = {
    voteId: 'v',
    declared: [
      { questionId: 'ratify', outcome: 'failed', kind: 'vote', text: 'A strike vote opens.', template: { title: 'Strike', questions: [], rules: [] } },
      { questionId: 'ratify', outcome: 'passed', kind: 'note', text: 'The contract takes effect.' },
    ],
    triggered: [{ questionId: 'ratify', outcome: 'turnout_not_met', declared: 'failed', kind: 'vote', text: 'A strike vote opens.', title: 'Strike' }],
    followsFrom: null,
    followedBy: [],
  };

  it('names conditions and outcomes in English and Spanish', () => {
    expect(conditionWords('failed', en)).toMatch(/^If it fails/);
    expect(conditionWords('failed', es)).toMatch(/^Si no se aprueba/);
    expect(conditionWords('passed', es)).toBe('Si se aprueba');
    expect(outcomeName('turnout_not_met', en)).toBe('turnout floor not met');
    expect(outcomeName('something-new', en)).toBe('something-new');
  });

  it('finds a question’s declarations, its triggered follow-up and the declaration it came from', () => {
    expect(declaredFor(f, 'ratify').map((d) => d.outcome)).toEqual(['failed', 'passed']);
    const tr = triggeredFor(f, 'ratify')!;
    expect(declarationOf(f, tr)?.template?.title).toBe('Strike');
    expect(startable(tr)).toBe(true);
    expect(triggeredFor({ ...f, triggered: null }, 'ratify')).toBeUndefined();
  });

  it('says what became of each declaration: pending before the result, then triggered (by which outcome) or not', () => {
    const [failed, passed] = f.declared as [VoteFollowUps['declared'][number], VoteFollowUps['declared'][number]];
    // The turnout floor was missed: the declaration for `failed` applies (§M7 rule 2).
    expect(declarationState(f, failed)).toEqual({ kind: 'triggered', triggered: f.triggered![0] });
    expect(declarationState(f, passed)).toEqual({ kind: 'not_triggered' });
    expect(declarationState({ ...f, triggered: null }, failed)).toEqual({ kind: 'pending' });
    expect(declarationState({ ...f, triggered: [] }, failed)).toEqual({ kind: 'not_triggered' });
    // Another question's trigger is not this one's.
    expect(declarationState({ ...f, triggered: [{ ...f.triggered![0]!, questionId: 'other' }] }, failed)).toEqual({ kind: 'not_triggered' });
  });
});
