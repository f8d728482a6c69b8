// The pure parts of the pages: routes, the credential link fragment, board queries, the form's
// choice checks and the result's rows, threshold and words.
import { describe, expect, it } from 'vitest';
import { readCredentialFragment } from '../src/booth/credential-link.ts';
import { checkChoices, fromSelections, toSelections } from '../src/booth/selections.ts';
import { translate } from '../src/i18n/i18n.ts';
import { normaliseCodeQuery } from '../src/public/board-page.tsx';
import { checkWords, outcomeWords, questionRows } from '../src/public/result-words.ts';
import { parseRoute, routePath, type Route } from '../src/router.ts';
import { testManifest } from './fixtures.ts';

describe('routes', () => {
  it.each<[string, string, Route]>([
    ['/', '', { kind: 'home' }],
    ['/booth', '', { kind: 'booth' }],
    ['/booth/strike-2008', '', { kind: 'ballot', voteId: 'strike-2008' }],
    ['/votes/strike-2008/', '', { kind: 'vote', voteId: 'strike-2008' }],
    ['/votes/strike-2008/board', '?q=ABCD-ef', { kind: 'board', voteId: 'strike-2008', q: 'abcdef' }],
    ['/votes/strike-2008/result', '', { kind: 'result', voteId: 'strike-2008' }],
    ['/votes/Bad Id', '', { kind: 'not_found' }],
    ['/admin', '', { kind: 'admin_unions' }],
    ['/admin/unknown', '', { kind: 'not_found' }],
    ['/staff', '', { kind: 'staff' }],
    ['/admin/unions/local-9/roll', '', { kind: 'admin_roll', id: 'local-9' }],
    ['/admin/drafts', '', { kind: 'admin_drafts' }],
    ['/admin/drafts/new', '', { kind: 'admin_draft_new' }],
    ['/admin/drafts/local-9-2027', '', { kind: 'admin_draft', id: 'local-9-2027' }],
    ['/admin/votes', '', { kind: 'admin_votes' }],
    ['/admin/votes/local-9-2027', '', { kind: 'admin_vote', id: 'local-9-2027' }],
    ['/admin/votes/local-9-2027/roll', '', { kind: 'admin_roll_amendments', id: 'local-9-2027' }],
    ['/admin/staff', '', { kind: 'admin_staff' }],
    ['/staff/password', '', { kind: 'staff_password' }],
    ['/admin/audit', '?vote=local-9-2027', { kind: 'admin_audit', voteId: 'local-9-2027' }],
    ['/admin/audit', '?vote=Bad Id', { kind: 'admin_audit', voteId: '' }],
    ['/trustee', '', { kind: 'trustee_home' }],
    ['/trustee/drafts/local-9-2027', '', { kind: 'trustee_ceremony', id: 'local-9-2027' }],
    ['/trustee/votes/local-9-2027', '', { kind: 'trustee_decrypt', id: 'local-9-2027' }],
  ])('%s%s', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
    if (route.kind !== 'not_found') expect(parseRoute(routePath(route).split('?')[0]!, search)).toEqual(route);
  });
});

describe('credential link', () => {
  it('reads #credential= and nothing else', () => {
    expect(readCredentialFragment('#credential=ABCDEF-GHJKMN-PQRSTV-WXYZ01')).toBe('ABCDEF-GHJKMN-PQRSTV-WXYZ01');
    expect(readCredentialFragment('#audit=xyz')).toBeUndefined();
    expect(readCredentialFragment('')).toBeUndefined();
  });
});

describe('board query', () => {
  it('accepts the grouped form and rejects non-hex', () => {
    expect(normaliseCodeQuery(' 3F2A-91C0 ')).toBe('3f2a91c0');
    expect(normaliseCodeQuery('')).toBe('');
    expect(normaliseCodeQuery('xyz')).toBeUndefined();
  });
});

describe('choices', () => {
  const m = testManifest();
  it('requires one answer on a yes/no question without blank', () => {
    expect(checkChoices(m, [[]])).toEqual([{ kind: 'choose_one', question: 0 }]);
    expect(checkChoices(m, [[0]])).toEqual([]);
    expect(checkChoices(m, [[0, 1]])).toEqual([{ kind: 'too_many', question: 0, max: 1 }]);
  });
  it('checks the number of choices on a choose question, blank only when allowed', () => {
    const choose = testManifest({
      questions: [
        {
          id: 'board', kind: 'choose', text: 'Elect two trustees', min: 1, max: 2, blankAllowed: false,
          options: [{ id: 'ana', text: 'Ana' }, { id: 'bo', text: 'Bo' }, { id: 'cy', text: 'Cy' }],
          rule: { kind: 'plurality', seats: 2 },
        },
      ],
    });
    expect(checkChoices(choose, [[0, 2]])).toEqual([]);
    expect(checkChoices(choose, [[]])).toEqual([{ kind: 'choose_between', question: 0, min: 1, max: 2 }]);
    expect(checkChoices(choose, [[0, 1, 2]])).toEqual([{ kind: 'too_many', question: 0, max: 2 }]);
    expect(toSelections(choose, [[0, 2]])).toEqual([[1, 0, 1]]);
  });

  it('converts to selections and back', () => {
    expect(toSelections(m, [[1]])).toEqual([[0, 1]]);
    expect(fromSelections([[0, 1]])).toEqual([[1]]);
  });
});

describe('result words', () => {
  const t = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('en', k, v);
  const question = { id: 'authorize', kind: 'yes_no' as const, text: 'Strike?', options: [], min: 1, max: 1, blankAllowed: false, rule: { kind: 'supermajority', en: '', es: '' } };
  const majority = { kind: 'majority', value: { numerator: 8, denominator: 10 }, comparison: 'at_least', required: { numerator: 3, denominator: 4 }, met: true };
  const result = { questionId: 'authorize', counts: { options: [8, 2], blank: 0 }, evaluation: { outcome: { kind: 'passed' }, checks: [majority] } };

  it('gives rows over the counted votes and the threshold line at the required share', () => {
    const { rows, threshold } = questionRows(question, result, 10, t, 'en');
    expect(rows).toEqual([
      { label: 'Yes', count: 8, share: { numerator: 8, denominator: 10 } },
      { label: 'No', count: 2, share: { numerator: 2, denominator: 10 } },
    ]);
    expect(threshold).toEqual({ share: 0.75, label: 'Needed: at least 75%' });
  });

  it('says the outcome and each check in words', () => {
    expect(outcomeWords(question, { kind: 'passed' }, t)).toBe('Passed.');
    expect(outcomeWords({ ...question, kind: 'choose', options: [{ id: 'a', text: 'Ana' }, { id: 'b', text: 'Bo' }] }, { kind: 'elected', winners: [1] }, t)).toBe('Chosen: Bo.');
    expect(checkWords(majority, t, 'en')).toBe('Yes 80% (8 of 10 counted); at least 75% required: met.');
  });
});
