// Linked follow-up votes through the API: a draft's follow-up templates checked with each problem at
// the template question's own field; the public declarations and the triggered follow-up in the
// result; and the administrator's start route — refused before the result is published, for an
// outcome that triggered nothing or a note, for another union or other questions, a second time
// (until the first draft is discarded), and to observers, trustees, members and anonymous callers;
// audited when it succeeds.
import { randomBytes } from 'node:crypto';
import { type VoteDefinition, createStaffAccount, definitionCeremonyContext, runLocalCeremony, totpCode, newAuthority } from '@ratify/engine';
import type { StaffRole } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RatifyClient } from '../src/client.ts';
import { ADMIN_TOKEN, type TestServer, signIn, startServer } from './fixtures.ts';
import { definitionForm } from './console-fixtures.ts';
import { FOLLOW_UPS, PARENT, STRIKE_QUESTION, followUpDefinition, publishedVote } from './follow-up-fixtures.ts';
import { asVoteId } from '@ratify/protocol';

const KEY = randomBytes(32);
const PASSWORD = 'a long enough staff password';
let server: TestServer;
beforeEach(async () => {
  server = await startServer({ secretKey: KEY });
});
afterEach(() => server.close());
const token = () => server.client({ adminToken: ADMIN_TOKEN });

async function staff(username: string, role: StaffRole): Promise<RatifyClient> {
  const created = await createStaffAccount(server.engine.store, { username, password: PASSWORD, role, secretKey: KEY });
  if (!created.ok) throw new Error(created.error);
  const secret = created.value.totpUri === null ? undefined : new URL(created.value.totpUri).searchParams.get('secret')!;
  const client = server.client();
  const login = await client.staff.login(username, PASSWORD, secret === undefined ? undefined : totpCode(username, secret, server.clock.now()));
  if (!login.ok) throw new Error(login.error.code);
  return client;
}
const start = (client: RatifyClient, json: object = { questionId: 'ratify', definition: followUpDefinition() }) =>
  client.call('adminStartFollowUp', { params: { id: PARENT }, json });

describe('public follow-ups', () => {
  it('before the close: what would follow each outcome, with the template and its rule in words; nothing triggered', async () => {
    await publishedVote(server.engine, server.rng, 2, 3, { publish: false });
    const r = await server.client().call('voteFollowUps', { params: { id: PARENT } });
    expect(r).toMatchObject({ status: 200, value: { voteId: PARENT, triggered: null, followsFrom: null, followedBy: [] } });
    expect(r.ok && r.value.declared).toEqual([
      {
        questionId: 'ratify', outcome: 'failed', kind: 'vote', text: FOLLOW_UPS[0]!.text,
        template: { title: 'Strike authorization', questions: [STRIKE_QUESTION], rules: [{ kind: 'supermajority', en: expect.stringContaining('at least 75%'), es: expect.stringContaining('al menos 75 %') }] },
      },
      { questionId: 'ratify', outcome: 'passed', kind: 'note', text: FOLLOW_UPS[1]!.text },
    ]);
    expect(await server.client().call('voteFollowUps', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
  });

  it('a failed ratification: the result and the follow-ups name the strike vote it triggers', async () => {
    await publishedVote(server.engine, server.rng, 2, 3);
    const result = await server.client().call('result', { params: { id: PARENT } });
    const strike = { questionId: 'ratify', outcome: 'failed', declared: 'failed', kind: 'vote', text: FOLLOW_UPS[0]!.text, title: 'Strike authorization' };
    expect(result.ok && result.value.result.followUps).toEqual([strike]);
    const r = await server.client().call('voteFollowUps', { params: { id: PARENT } });
    expect(r.ok && r.value.triggered).toEqual([strike]);
  });

  it('a passed ratification triggers the note', async () => {
    await publishedVote(server.engine, server.rng, 3, 2);
    const r = await server.client().call('voteFollowUps', { params: { id: PARENT } });
    expect(r.ok && r.value.triggered).toEqual([{ questionId: 'ratify', outcome: 'passed', declared: 'passed', kind: 'note', text: FOLLOW_UPS[1]!.text }]);
  });
});

describe('declaring follow-ups in a draft', () => {
  const declare = (questions: readonly object[]) =>
    definitionForm({ followUps: [{ questionId: 'q1', outcome: 'failed', text: 'A strike vote opens.', vote: { title: 'Strike authorization', questions } }] });
  const fields = async (questions: readonly object[]) => {
    const r = await token().call('validateDraft', { json: declare(questions) });
    return r.ok ? r.value.issues.map((i) => i.field) : r;
  };

  it("names the template question's own field, as for the vote's questions", async () => {
    await token().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
    const second = { ...STRIKE_QUESTION, id: 'q2' };
    expect(await fields([STRIKE_QUESTION, second])).toEqual([]);
    expect(await fields([STRIKE_QUESTION, { ...second, text: '' }])).toEqual(['followUps.0.vote.questions.1.text']);
    expect(await fields([STRIKE_QUESTION, { ...second, rule: { ...second.rule, threshold: { numerator: 1, denominator: 3 } } }])).toEqual(['followUps.0.vote.questions.1.rule']);
    expect(await fields([STRIKE_QUESTION, { ...second, min: 0 }])).toEqual(['followUps.0.vote.questions.1.blankAllowed']);
    expect(await fields([{ ...STRIKE_QUESTION, max: 0, min: 1 }])).toEqual(['followUps.0.vote.questions.0.max']);
    expect(await fields([STRIKE_QUESTION, STRIKE_QUESTION])).toEqual(['followUps.0.vote.questions']);
  });
});

describe('starting the follow-up vote', () => {
  it('creates a linked draft with the template, once; a discarded draft frees it; audited', async () => {
    await publishedVote(server.engine, server.rng, 2, 3);
    const alice = await staff('alice', 'administrator');
    const r = await start(alice);
    expect(r).toMatchObject({
      status: 201,
      value: {
        draft: { id: 'local-9-strike', status: 'ceremony', definition: { title: 'Strike authorization', questions: [STRIKE_QUESTION] } },
        link: { parentVoteId: PARENT, questionId: 'ratify', outcome: 'failed', childId: 'local-9-strike', startedBy: 'alice', childStatus: 'draft' },
      },
    });
    expect(await alice.call('adminFollowUps', { params: { id: 'local-9-strike' } })).toMatchObject({ value: { followsFrom: { parentVoteId: PARENT, outcome: 'failed' }, started: [] } });
    expect(await alice.call('adminFollowUps', { params: { id: PARENT } })).toMatchObject({ value: { followsFrom: null, started: [{ childId: 'local-9-strike' }] } });
    // Public pages show only votes, not drafts still in their ceremony.
    expect(await server.client().call('voteFollowUps', { params: { id: PARENT } })).toMatchObject({ value: { followedBy: [] } });

    expect(await start(alice, { questionId: 'ratify', definition: followUpDefinition({ voteId: 'local-9-strike-2' }) })).toMatchObject({ status: 409, error: { code: 'follow_up_already_started' } });
    expect(await alice.call('getDraft', { params: { id: 'local-9-strike-2' } })).toMatchObject({ status: 404 });

    expect(await alice.call('adminDiscardFollowUp', { params: { id: 'local-9-strike' } })).toMatchObject({ status: 200, value: { childId: 'local-9-strike', discardedAt: expect.any(String) } });
    expect(await alice.call('getDraft', { params: { id: 'local-9-strike' } })).toMatchObject({ status: 404 });
    expect(await alice.call('adminDiscardFollowUp', { params: { id: 'local-9-strike' } })).toMatchObject({ status: 404, error: { code: 'not_a_follow_up' } });
    expect(await start(alice, { questionId: 'ratify', definition: followUpDefinition({ voteId: 'local-9-strike-2' }) })).toMatchObject({ status: 201 });

    const audit = await alice.call('auditLog', { query: {} });
    const actions = audit.ok ? audit.value.entries.map((e) => e.action) : [];
    expect(actions.filter((a) => a === 'adminStartFollowUp')).toHaveLength(2);
    expect(actions).toContain('adminDiscardFollowUp');
  });

  it('once the follow-up vote exists, both votes show the link publicly', async () => {
    await publishedVote(server.engine, server.rng, 2, 3);
    expect(await start(token())).toMatchObject({ status: 201 });
    // The ceremony's outcome, as createVoteFromDraft would hand it to the engine (same vote id).
    const electionId = (await server.engine.store.drafts.getDraft(asVoteId('local-9-strike')))!.electionId;
    expect(electionId).toMatch(/^[0-9a-f]{32}$/);
    const definition = { ...followUpDefinition(), electionId, unionName: 'Local 9', credentialAuthority: newAuthority(server.engine.group, 'offline').credentialAuthority, trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `T${i}` })) } } as unknown as VoteDefinition;
    const ceremony = runLocalCeremony(server.engine.group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, server.rng);
    expect((await server.engine.createVote(definition, ceremony.messages)).ok).toBe(true);
    const parent = await server.client().call('voteFollowUps', { params: { id: PARENT } });
    expect(parent.ok && parent.value.followedBy).toEqual([{ voteId: 'local-9-strike', title: 'Strike authorization', questionId: 'ratify', outcome: 'failed' }]);
    const child = await server.client().call('voteFollowUps', { params: { id: 'local-9-strike' } });
    expect(child.ok && child.value.followsFrom).toEqual({ voteId: PARENT, title: 'Ratify the 2027 agreement', questionId: 'ratify', outcome: 'failed' });
    expect(await token().call('adminFollowUps', { params: { id: PARENT } })).toMatchObject({ value: { started: [{ childId: 'local-9-strike', childStatus: 'vote' }] } });
    // A vote that exists can no longer be discarded as a draft.
    expect(await token().call('adminDiscardFollowUp', { params: { id: 'local-9-strike' } })).toMatchObject({ status: 409, error: { code: 'draft_already_created' } });
  });

  it('refuses before the result is published, and changes nothing', async () => {
    await publishedVote(server.engine, server.rng, 2, 3, { publish: false });
    expect(await start(token())).toMatchObject({ status: 404, error: { code: 'result_not_published' } });
    await server.engine.closeVote(asVoteId(PARENT));
    expect(await start(token())).toMatchObject({ status: 404, error: { code: 'result_not_published' } });
    expect(await token().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });

  it('refuses an outcome that triggered a note, a question that triggered nothing, and an unknown vote', async () => {
    await publishedVote(server.engine, server.rng, 3, 2);
    expect(await start(token())).toMatchObject({ status: 409, error: { code: 'follow_up_not_a_vote' } });
    expect(await start(token(), { questionId: 'other', definition: followUpDefinition() })).toMatchObject({ status: 409, error: { code: 'follow_up_not_triggered' } });
    expect(await token().call('adminStartFollowUp', { params: { id: 'nope' }, json: { questionId: 'ratify', definition: followUpDefinition() } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await token().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });

  it('refuses other questions or rules than the template, another union, and an invalid definition', async () => {
    await publishedVote(server.engine, server.rng, 2, 3);
    const mismatch = async (definition: object, code: string, status: number) =>
      expect(await start(token(), { questionId: 'ratify', definition })).toMatchObject({ status, error: { code } });
    await mismatch(followUpDefinition({ questions: [{ ...STRIKE_QUESTION, rule: { ...STRIKE_QUESTION.rule, threshold: { numerator: 2, denominator: 3 } } }] }), 'follow_up_template_mismatch', 400);
    await mismatch(followUpDefinition({ questions: [{ ...STRIKE_QUESTION, text: 'Do you authorize a strike now?' }] }), 'follow_up_template_mismatch', 400);
    await mismatch(followUpDefinition({ questions: [STRIKE_QUESTION, { ...STRIKE_QUESTION, id: 'extra' }] }), 'follow_up_template_mismatch', 400);
    await token().call('createUnion', { json: { id: 'other', name: 'Other' } });
    await mismatch(followUpDefinition({ unionId: 'other' }), 'union_mismatch', 409);
    await mismatch(followUpDefinition({ recordDate: 'soon' }), 'invalid_definition', 400);
    await mismatch(followUpDefinition({ voteId: PARENT }), 'duplicate_vote', 409);
    expect(await token().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });

  it('is forbidden to observers, trustees, members and anonymous callers', async () => {
    await publishedVote(server.engine, server.rng, 2, 3);
    const member = server.client();
    await signIn(server, member, 'L1', 'l1@example.org');
    for (const [client, status, code] of [
      [await staff('olga', 'observer'), 403, 'forbidden_role'],
      [await staff('tom', 'trustee'), 403, 'forbidden_role'],
      [member, 401, 'admin_token_required'],
      [server.client(), 401, 'admin_token_required'],
    ] as const) {
      expect(await start(client)).toMatchObject({ status, error: { code } });
      expect(await client.call('adminFollowUps', { params: { id: PARENT } })).toMatchObject({ status, error: { code } });
      expect(await client.call('adminDiscardFollowUp', { params: { id: 'x' } })).toMatchObject({ status, error: { code } });
    }
    expect(await token().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });
});
