// Admin console, drafts and the trustee relay: a vote definition checked in full with errors named
// by field, drafts listed and read, and the key-ceremony relay refusing what a trustee may not
// send (another trustee's message, a duplicate, a message out of turn, a commitment whose proofs
// fail — named by trustee). The whole flow to a result is admin-flow.test.ts.
import { type CommitmentsMessage, createShares, createTrusteeCommitments, fromHex, generateTrusteeEncryptionKey, ristretto255 } from '@ratify/crypto';
import { STATEMENT_MAX_LENGTH, encodeCeremonyMessage } from '@ratify/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrusteeDevice, definitionForm, rollCsv, trusteeClient } from './console-fixtures.ts';
import { ADMIN_TOKEN, GUILD, type TestServer, seedScenario, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  const admin = server.client({ adminToken: ADMIN_TOKEN });
  await admin.call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
  await admin.call('importRoll', { params: { id: 'local-9' }, json: { csv: rollCsv([['A1', 'Ada', 'ada@example.org', true, 'north']]) } });
});
afterEach(() => server.close());
const admin = () => server.client({ adminToken: ADMIN_TOKEN });
const VOTE = 'local-9-2027';
const question = definitionForm().questions[0]!;

describe('drafts', () => {
  it('saves a valid definition (union name from the union) and lists and reads it', async () => {
    const created = await admin().call('createDraft', { json: definitionForm() });
    expect(created).toMatchObject({ status: 201, value: { id: VOTE, unionId: 'local-9', status: 'ceremony', definition: { unionName: 'Local 9', trustees: { members: [{ account: 'ana' }, {}, {}] } } } });
    expect(await admin().call('listDrafts')).toMatchObject({ value: { drafts: [{ id: VOTE, ceremony: { status: 'awaiting_commitments', messages: 0 } }] } });
    expect(await admin().call('getDraft', { params: { id: VOTE } })).toMatchObject({ status: 200, value: { id: VOTE } });
    expect(await admin().call('adminDraftCeremony', { params: { id: VOTE } })).toMatchObject({ status: 200, value: { status: 'awaiting_commitments', you: null, threshold: 2, trusteeCount: 3 } });
    expect(await admin().call('getDraft', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'draft_not_found' } });
    expect(await admin().call('createVoteFromDraft', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'draft_not_found' } });
    expect(await admin().call('createDraft', { json: definitionForm() })).toMatchObject({ status: 409, error: { code: 'duplicate_draft' } });
  });

  it('refuses an invalid definition naming the field, and saves nothing', async () => {
    const invalid = async (overrides: Record<string, unknown>, code: string, field: string) => {
      const r = await admin().call('createDraft', { json: definitionForm(overrides) });
      expect(r, field).toMatchObject({ status: 400, error: { code } });
      expect(!r.ok && r.error.message, field).toContain(field);
    };
    await invalid({ title: '' }, 'invalid_definition', 'title');
    await invalid({ schedule: { opensAt: '2026-11-12T09:00:00Z', closesAt: '2026-11-11T09:00:00Z' } }, 'invalid_definition', 'schedule.closesAt');
    await invalid({ schedule: { opensAt: '2026-11-31T09:00:00Z', closesAt: '2026-12-11T09:00:00Z' } }, 'invalid_definition', 'schedule.opensAt');
    await invalid({ recordDate: '2026-12-01' }, 'invalid_definition', 'recordDate');
    await invalid({ questions: [{ ...question, rule: { kind: 'supermajority', threshold: { numerator: 1, denominator: 3 }, blankPolicy: 'excluded' } }] }, 'invalid_definition', 'questions.0.rule');
    await invalid({ questions: [question, { ...question, id: 'q2', min: 0 }] }, 'invalid_definition', 'questions.1.blankAllowed');
    await invalid({ trustees: { threshold: 4, members: definitionForm().trustees.members } }, 'invalid_definition', 'trustees.threshold');
    await invalid({ trustees: { threshold: 2, members: [{ id: 't1', name: 'A', account: 'ana' }, { id: 't2', name: 'B', account: 'ana' }] } }, 'invalid_definition', 'trustees.members.1.account');
    await invalid({ information: { summary: 'x', statements: [{ side: 'maybe', author: 'a', text: 'b' }] } }, 'invalid_definition', 'information.statements.0.side');
    // Equal terms for the official statements: every side has one (or none does), with one shared length limit.
    const against = definitionForm().information.statements[1]!;
    await invalid({ information: { summary: 'x', statements: [against] } }, 'invalid_definition', 'information.statements');
    await invalid({ information: { summary: 'x', statements: [against, { ...against, author: 'Other' }] } }, 'invalid_definition', 'information.statements.1.side');
    await invalid({ information: { summary: 'x', statements: [{ ...against, side: 'for' }, { ...against, text: '' }] } }, 'invalid_definition', 'information.statements.1.text');
    await invalid({ information: { summary: 'x', statements: [{ ...against, side: 'for' }, { ...against, text: 'x'.repeat(STATEMENT_MAX_LENGTH + 1) }] } }, 'invalid_definition', 'information.statements.1.text');
    expect(await admin().call('validateDraft', { json: definitionForm({ information: { summary: 'x', statements: [{ ...against, side: 'for', text: 'y'.repeat(STATEMENT_MAX_LENGTH) }, { ...against, text: 'n'.repeat(STATEMENT_MAX_LENGTH) }] } }) }))
      .toMatchObject({ value: { valid: true } });
    const missing = await admin().call('validateDraft', { json: definitionForm({ information: { summary: 'x', statements: [against] } }) });
    expect(missing.ok && missing.value.issues).toEqual([{ field: 'information.statements', code: 'statement_side_missing', message: 'no "for" statement: give every side one, or none' }]);
    await invalid({ questions: [] }, 'invalid_request', 'questions');
    await invalid({ colour: 'red' }, 'invalid_request', 'colour');
    expect(await admin().call('createDraft', { json: definitionForm({ unionId: 'nope' }) })).toMatchObject({ status: 404, error: { code: 'union_not_found' } });
    await seedScenario(server);
    expect(await admin().call('createDraft', { json: definitionForm({ voteId: GUILD.voteId }) })).toMatchObject({ status: 409, error: { code: 'duplicate_vote' } });
    expect(await admin().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });

  it('validates without saving and lists every problem by field', async () => {
    expect(await admin().call('validateDraft', { json: definitionForm() })).toMatchObject({ status: 200, value: { valid: true, issues: [] } });
    const r = await admin().call('validateDraft', { json: { ...definitionForm({ title: '', recordDate: 'soon' }), unionId: 'nope' } });
    expect(r.ok && r.value.valid).toBe(false);
    expect(r.ok && r.value.issues.map((i) => i.field)).toEqual(['title', 'recordDate']);
    const unknown = await admin().call('validateDraft', { json: definitionForm({ unionId: 'nope' }) });
    expect(unknown.ok && unknown.value.issues).toEqual([{ field: 'unionId', code: 'union_not_found', message: 'no union nope' }]);
    expect(await admin().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
  });
});

describe('the ceremony relay', () => {
  it('accepts each trustee only as itself, in turn, once, and refuses a bad commitment naming its trustee', async () => {
    await admin().call('createDraft', { json: definitionForm() });
    const [ana, ben] = await Promise.all(['ana', 'ben'].map(async (n) => new TrusteeDevice(await trusteeClient(server, n), server.rng)));
    const outsider = await trusteeClient(server, 'zed');
    expect(await outsider.call('trusteeCeremony', { params: { id: VOTE } })).toMatchObject({ status: 403, error: { code: 'not_a_trustee' } });
    expect(await outsider.call('trusteeCeremonyMessages', { params: { id: VOTE } })).toMatchObject({ status: 403, error: { code: 'not_a_trustee' } });
    expect(await outsider.call('trusteeDrafts')).toMatchObject({ status: 200, value: { drafts: [] } });
    expect(await ana!.client.call('trusteeDrafts')).toMatchObject({ value: { drafts: [{ draftId: VOTE, you: 1, status: 'ceremony' }] } });
    expect(await ana!.client.call('trusteeCeremony', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'draft_not_found' } });
    await ana!.load(VOTE);
    await ben!.load(VOTE);
    const group = ristretto255;

    // Not JSON, not canonical, not a ceremony message.
    expect(await ana!.post(VOTE, 'not json')).toMatchObject({ status: 400, error: { code: 'invalid_json' } });
    expect(await ana!.post(VOTE, '{"kind":"commitments"}')).toMatchObject({ status: 400, error: { code: 'schema_mismatch' } });
    // Trustee 2's commitments posted by trustee 1's account.
    const forBen = createTrusteeCommitments(group, ben!.parameters!, 2, generateTrusteeEncryptionKey(group, server.rng), server.rng);
    expect(await ana!.post(VOTE, encodeCeremonyMessage(group, forBen.message))).toMatchObject({ status: 403, error: { code: 'wrong_author' } });
    // Commitments bound to another ceremony: their proofs fail here.
    const wrongContext = { ...ben!.parameters!, context: fromHex('00'.repeat(64))! };
    const bad = createTrusteeCommitments(group, wrongContext, 2, generateTrusteeEncryptionKey(group, server.rng), server.rng);
    const refused = await ben!.post(VOTE, encodeCeremonyMessage(group, bad.message));
    expect(refused).toMatchObject({ status: 400, error: { code: 'ceremony_message_rejected' } });
    expect(!refused.ok && refused.error.message).toMatch(/trustee 2: /);
    // Shares before every trustee has committed.
    const anaCommitments = ana!.commitmentsText();
    expect(await ana!.post(VOTE, anaCommitments)).toMatchObject({ status: 201, value: { seq: 1, trustee: 1, status: 'awaiting_commitments' } });
    expect(await ana!.post(VOTE, anaCommitments)).toMatchObject({ status: 409, error: { code: 'duplicate_message' } });
    expect(await ben!.post(VOTE, ben!.commitmentsText())).toMatchObject({ status: 201, value: { seq: 2 } });
    const third = createTrusteeCommitments(group, ana!.parameters!, 3, generateTrusteeEncryptionKey(group, server.rng), server.rng).message;
    const sofar = (await ana!.messages(VOTE)).filter((m): m is CommitmentsMessage => m.kind === 'commitments');
    const early = createShares(group, ana!.parameters!, ana!.polynomial!, [...sofar, third], server.rng).message;
    expect(await ana!.post(VOTE, encodeCeremonyMessage(group, early))).toMatchObject({ status: 409, error: { code: 'ceremony_out_of_order' } });
    const list = await ben!.client.call('trusteeCeremonyMessages', { params: { id: VOTE } });
    expect(list.ok && list.value.messages.map((m) => [m.seq, m.kind, m.trustee])).toEqual([[1, 'commitments', 1], [2, 'commitments', 2]]);
    expect(list.ok && list.value.messages[0]!.message).toBe(anaCommitments);
    const status = await ben!.client.call('trusteeCeremony', { params: { id: VOTE } });
    expect(status).toMatchObject({ value: { status: 'awaiting_commitments', you: 2, messages: 2, voteCreated: false } });
    expect(status.ok && status.value.trustees.map((t) => t.commitments)).toEqual([true, true, false]);
    expect(await admin().call('createVoteFromDraft', { params: { id: VOTE } })).toMatchObject({ status: 409, error: { code: 'ceremony_incomplete' } });
  });

  it('runs a whole ceremony but refuses to create a vote nobody is eligible for', async () => {
    await admin().call('createUnion', { json: { id: 'local-0', name: 'Local 0' } });
    await admin().call('importRoll', { params: { id: 'local-0' }, json: { csv: rollCsv([['Z1', 'Zoe', 'zoe@example.org', false, '']]) } });
    expect(await admin().call('createDraft', { json: definitionForm({ voteId: 'empty', unionId: 'local-0' }) })).toMatchObject({ status: 201 });
    const devices = await Promise.all(['ana', 'ben', 'cyd'].map(async (n) => new TrusteeDevice(await trusteeClient(server, n), server.rng)));
    for (const d of devices) await d.load('empty');
    for (const d of devices) expect(await d.post('empty', d.commitmentsText())).toMatchObject({ status: 201 });
    for (const d of devices) expect(await d.post('empty', await d.sharesText('empty'))).toMatchObject({ status: 201 });
    const confirmations = await Promise.all(devices.map((d) => d.confirmationText('empty')));
    expect(await devices[0]!.post('empty', confirmations[1]!)).toMatchObject({ status: 403, error: { code: 'wrong_author' } });
    for (const [i, d] of devices.entries()) expect(await d.post('empty', confirmations[i]!)).toMatchObject({ status: 201 });
    expect(await admin().call('adminDraftCeremony', { params: { id: 'empty' } })).toMatchObject({ value: { status: 'complete', messages: 9 } });
    expect(await admin().call('createVoteFromDraft', { params: { id: 'empty' } })).toMatchObject({ status: 409, error: { code: 'no_eligible_members' } });
    expect(await server.engine.store.votes.getVote('empty')).toBeNull();
    expect(await admin().call('getDraft', { params: { id: 'empty' } })).toMatchObject({ value: { status: 'ceremony' } });
    expect(await admin().call('adminDraftCeremony', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'draft_not_found' } });
  });

  it('refuses the tally step to non-trustees and before the close', async () => {
    await seedScenario(server);
    const ana = await trusteeClient(server, 'ana');
    expect(await ana.call('trusteeTally', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    // The seeded vote was not set up through a draft: no staff account holds its trustee slots.
    expect(await ana.call('trusteeTally', { params: { id: GUILD.voteId } })).toMatchObject({ status: 403, error: { code: 'not_a_trustee' } });
    expect(await ana.call('trusteePartialDecryption', { params: { id: GUILD.voteId }, text: '{}' })).toMatchObject({ status: 403, error: { code: 'not_a_trustee' } });
    expect(await server.client({ adminToken: ADMIN_TOKEN }).call('trusteeTally', { params: { id: GUILD.voteId } })).toMatchObject({ status: 401 });
  });
});

describe('turnout routes', () => {
  it('answers 404 for an unknown vote', async () => {
    expect(await admin().call('turnoutDashboard', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await admin().call('listVoters', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    await seedScenario(server);
    expect(await admin().call('turnoutDashboard', { params: { id: GUILD.voteId } })).toMatchObject({ status: 200, value: { eligible: 3, voted: 0, hourly: [] } });
    expect(await admin().call('listVoters', { params: { id: GUILD.voteId } })).toMatchObject({ status: 200, value: { voters: [] } });
  });
});
