// The staff console's pure rules: actions offered by the vote's state, the reconciliation line, the
// audit log and roll problems in words (never a code or a route name), and the audit CSV.
import '../src/i18n/staff-catalogue.ts';
import { describe, expect, it } from 'vitest';
import { actionWords, actorWords, auditCsv, detailWords } from '../src/admin/audit-words.ts';
import { removalCount, rollIssueWords } from '../src/admin/roll-words.ts';
import { actionsFor, reconciliation } from '../src/admin/vote-console-actions.ts';
import { translate, type Translate } from '../src/i18n/i18n.ts';

const en: Translate = (key, vars) => translate('en', key, vars);
const es: Translate = (key, vars) => translate('es', key, vars);

describe('console actions by state', () => {
  const at = (status: string, credentialsIssued = 0, resultAnnounced = false) => actionsFor({ status, credentialsIssued, resultAnnounced });
  it('offers only what the state allows', () => {
    expect(at('draft')).toEqual(['adminIssueCredentials']);
    expect(at('draft', 3)).toEqual(['adminOpen']);
    expect(at('open', 3)).toEqual(['adminSendReminders', 'adminClose']);
    expect(at('closed', 3)).toEqual([]);
    expect(at('tallied', 3)).toEqual([]);
    expect(at('published', 3)).toEqual(['adminAnnounceResult']);
    expect(at('published', 3, true)).toEqual([]);
  });
  it('never offers opening an open vote, nor announcing before a result', () => {
    for (const status of ['open', 'closed', 'tallied', 'published']) expect(at(status, 3)).not.toContain('adminOpen');
    for (const status of ['draft', 'open', 'closed', 'tallied']) expect(at(status, 3)).not.toContain('adminAnnounceResult');
  });
  it('reconciles members marked as voted with ballots counted', () => {
    expect(reconciliation({ voted: 3, ballotsCounted: 3 })).toEqual({ agree: true, marked: 3, counted: 3 });
    expect(reconciliation({ voted: 1, ballotsCounted: 84 })).toEqual({ agree: false, marked: 1, counted: 84 });
  });
});

describe('audit log in words', () => {
  const entry = { seq: 7, at: '2026-12-08T01:06:00.000Z', actor: 'staff:ada', action: 'importRoll', voteId: null, details: JSON.stringify({ union: 'local-9', removed: 699, disqualified: 0 }) };
  it('names actions, actors and details in the reader’s language', () => {
    expect(actionWords(en, 'adminPartialDecryption')).toBe('Sent a trustee’s part of the count');
    expect(actionWords(es, 'staffLogin')).toBe('Inició sesión');
    expect(actorWords(en, 'ops-token')).toBe('Server operator (operations token)');
    expect(actorWords(en, 'staff:ada')).toBe('ada');
    expect(detailWords(en, entry)).toEqual(['Union: local-9', 'Members removed: 699', 'No longer in good standing: 0']);
    expect(detailWords(en, { voteId: 'v1', details: JSON.stringify({ params: { id: 'v1', username: 'ben' } }) })).toEqual(['Account: ben']);
  });
  it('keeps an action it does not know as recorded', () => {
    expect(actionWords(en, 'demo add-staff')).toBe('demo add-staff');
    expect(actionWords(en, 'somethingNew')).toBe('somethingNew');
  });
  it('exports CSV with words and the recorded values, quoted where needed', () => {
    const csv = auditCsv(en, [entry], () => 'Dec 7, 2026, 7:06 PM CST');
    const [head, row] = csv.split('\r\n');
    expect(head).toBe('No.,When,UTC,Who,Action,Vote,Details,Recorded action,Recorded details');
    expect(row).toBe('7,"Dec 7, 2026, 7:06 PM CST",2026-12-08T01:06:00.000Z,ada,Imported a roll,,Union: local-9; Members removed: 699; No longer in good standing: 0,importRoll,"{""union"":""local-9"",""removed"":699,""disqualified"":0}"');
  });
});

describe('roll problems in words', () => {
  it('says what is wrong without the code', () => {
    const issue = { code: 'invalid_email', line: 3, column: 'email', relatedLine: null, message: 'is not an email address' };
    expect(rollIssueWords(en, issue)).toBe('This is not an email address.');
    expect(rollIssueWords(es, { ...issue, code: 'duplicate_member', relatedLine: 2 })).toBe('Este número de miembro ya está en la línea 2.');
    expect(rollIssueWords(en, { ...issue, code: 'missing_column', column: 'good_standing' })).toBe('The column “good_standing” is missing.');
    expect(rollIssueWords(en, { ...issue, code: 'brand_new', message: 'server words' })).toBe('server words');
  });
  it('counts removals and disqualifications together', () => {
    expect(removalCount({ removed: 699, disqualified: 2 })).toBe(701);
  });
});

describe('bargaining timeline', () => {
  it('folds runs of plain formal sessions into one line, keeping notes and status changes in order', async () => {
    const { timelineItems } = await import('../src/admin/bargaining-timeline.ts');
    const formal = (id: string, date: string, notes?: string) => ({ id, date, kind: 'formal', ...(notes ? { notes } : {}) });
    const items = timelineItems(
      [formal('a', '2008-02-01'), formal('b', '2008-02-02'), formal('c', '2008-02-03'), formal('d', '2008-02-04', 'Wages'), formal('e', '2008-02-05'), { id: 'f', date: '2008-02-06', kind: 'informal' }],
      [{ seq: 1, onDate: '2008-02-04', from: 'negotiating', to: 'tentative_agreement' }],
    );
    expect(items.map((i) => (i.kind === 'formal_run' ? `run ${i.first}..${i.last} (${i.sessions.length})` : i.kind === 'status' ? `status ${i.change.onDate}` : `session ${i.session.id}`))).toEqual([
      'run 2008-02-01..2008-02-03 (3)', 'status 2008-02-04', 'session d', 'session e', 'session f',
    ]);
  });
});

describe('draft problems in words', () => {
  it('names the field as the form does and says what to do, never the validator’s jargon', async () => {
    const { issueWords, missingFields } = await import('../src/admin/draft-issue-words.ts');
    const { newDraftForm } = await import('../src/admin/draft-definition.ts');
    expect(issueWords(en, { field: 'title', code: 'too_small', message: 'Too small: expected string to have >=1 characters', limit: 1 })).toBe('Fill in “Title”.');
    expect(issueWords(en, { field: 'schedule.opensAt', code: 'custom', message: 'expected YYYY-MM-DDTHH:MM:SSZ' })).toBe('Choose a day and a time for “Opens”.');
    expect(issueWords(es, { field: 'questions.1.text', code: 'too_big', message: 'Too big', limit: 2000 })).toBe('«Pregunta 2: Texto de la pregunta» es demasiado largo o grande: como máximo 2000.');
    expect(issueWords(en, { field: 'schedule.closesAt', code: 'schedule_order', message: 'opensAt must be before closesAt' })).toBe('The vote must close after it opens.');
    expect(issueWords(en, { field: 'trustees.members.2.name', code: 'invalid_type', message: 'Invalid input' })).toBe('Fill in “Trustee 3: name”.');
    // An empty form lists every empty required field at once.
    expect(missingFields(newDraftForm()).map((i) => i.field)).toEqual([
      'title', 'voteId', 'unionId', 'recordDate', 'schedule.opensAt', 'schedule.closesAt', 'questions.0.text', 'trustees.members.0.name', 'trustees.members.1.name', 'trustees.members.2.name',
    ]);
    // A follow-up vote's empty template question is named by its row and question, before anything is sent.
    const { newFollowUp, withTemplateQuestion } = await import('../src/admin/follow-up-form.ts');
    const row = withTemplateQuestion({ ...newFollowUp(), kind: 'vote', questions: [{ ...newFollowUp().questions[0]!, text: 'Strike?' }] });
    const form = { ...newDraftForm(), followUps: [newFollowUp(), row] };
    expect(missingFields(form).map((i) => i.field).filter((f) => f.startsWith('followUps'))).toEqual(['followUps.1.vote.questions.1.text']);
    expect(issueWords(en, { field: 'followUps.1.vote.questions.1.text', code: 'required', message: '' })).toBe('Fill in “Follow-up 2, Question 2: Question”.');
  });
});
