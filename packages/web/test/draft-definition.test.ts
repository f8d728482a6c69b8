// The draft form → draft definition translation (admin/draft-definition.ts): rules, floors, choose
// questions, trustees with accounts, instants to the second; and issue lookup by field path (at or
// below it, or exactly at it).
import { describe, expect, it } from 'vitest';
import { issuesAt, issuesExactlyAt, localToIso, newDraftForm, newQuestion, toDraftDefinition } from '../src/admin/draft-definition.ts';

describe('toDraftDefinition', () => {
  it('builds a supermajority yes/no question with floors, statements and trustees', () => {
    const form = {
      ...newDraftForm(),
      voteId: 'local-9-2027', title: ' Ratify ', unionId: 'local-9', recordDate: '2026-11-10',
      forAuthor: 'Committee', forText: 'Yes!',
      questions: [{ ...newQuestion(), text: 'Ratify?', ruleKind: 'supermajority' as const, turnoutFloor: { numerator: '1', denominator: '2' } }],
      trustees: [{ name: 'Ana', account: 'Ana' }, { name: 'Ben', account: '' }],
    };
    const d = toDraftDefinition(form);
    expect(d).toMatchObject({
      voteId: 'local-9-2027', title: 'Ratify', revotePolicy: 'last_counts',
      questions: [{ id: 'q1', kind: 'yes_no', options: ['yes', 'no'], min: 1, max: 1, rule: { kind: 'supermajority', threshold: { numerator: 2, denominator: 3 }, blankPolicy: 'excluded', turnoutFloor: { numerator: 1, denominator: 2 } } }],
      trustees: { threshold: 2, members: [{ id: 'trustee-1', name: 'Ana', account: 'ana' }, { id: 'trustee-2', name: 'Ben' }] },
      // Equal terms: once one side has a statement both are sent, so the empty side is named by the server.
      information: { summary: '', statements: [{ side: 'for', author: 'Committee', text: 'Yes!' }, { side: 'against', author: '', text: '' }] },
    });
    expect(toDraftDefinition({ ...form, forAuthor: '', forText: '' })).not.toHaveProperty('information');
    expect((d['questions'] as { rule: object }[])[0]!.rule).not.toHaveProperty('supportOfEligibleFloor');
  });

  it('builds a choose-k-of-n question with a plurality rule and passes non-numbers on for the server to name', () => {
    const d = toDraftDefinition({ ...newDraftForm(), questions: [{ ...newQuestion(), kind: 'choose', text: 'Board', options: 'Ana Ruiz\n\nBen Ode\n', min: '0', max: 'two', seats: '2' }] });
    expect((d['questions'] as unknown[])[0]).toEqual({
      id: 'q1', kind: 'choose', text: 'Board', blankAllowed: false, min: 0, max: 'two', rule: { kind: 'plurality', seats: 2 },
      options: [{ id: 'ana-ruiz', text: 'Ana Ruiz' }, { id: 'ben-ode', text: 'Ben Ode' }],
    });
  });

  it('gives instants to the second and finds issues at or below a path', () => {
    expect(localToIso('2030-01-10T09:00')).toMatch(/^2030-01-1\dT\d\d:00:00Z$/);
    expect(localToIso('')).toBe('');
    const issues = [{ field: 'questions.0.rule.threshold', code: 'x', message: 'm' }, { field: 'questions.10.text', code: 'y', message: 'n' }];
    expect(issuesAt(issues, 'questions.0.rule')).toHaveLength(1);
    expect(issuesAt(issues, 'questions.1')).toHaveLength(0);
  });

  it('finds the issues at exactly a path, not those of its parts', () => {
    const issues = [{ field: 'followUps.0.vote', code: 'x', message: 'm' }, { field: 'followUps.0.vote.questions.1.text', code: 'y', message: 'n' }];
    expect(issuesExactlyAt(issues, 'followUps.0.vote').map((i) => i.code)).toEqual(['x']);
    expect(issuesAt(issues, 'followUps.0.vote').map((i) => i.code)).toEqual(['x', 'y']);
    expect(issuesExactlyAt(issues, 'followUps.0')).toEqual([]);
  });
});
