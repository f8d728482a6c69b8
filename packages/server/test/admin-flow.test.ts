// A whole vote through the admin console and the trustee relay, as the browser pages drive it:
// union + roll upload (preview, then import) → draft → three trustees run the key ceremony through
// the server → create vote (roll frozen) → credentials → the scheduler opens it at opensAt →
// ballots → turnout → the scheduler closes it at closesAt → two of three trustees decrypt through
// the relay → the result is published automatically → the exported record verifies.
import { asUnionId, asVoteId, generatePrivateCredential, parseWireCeremonyMessage, type PrivateCredential, publicCredential } from '@ratify/protocol';
import { toHex, unwrap } from '@ratify/crypto';
import { type VoteDefinition, createStaffAccount, newAuthority } from '@ratify/engine';
import { verifyRecord } from '@ratify/verifier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../src/services/scheduler.ts';
import { STAFF_PASSWORD, TrusteeDevice, definitionForm, rollCsv, trusteeClient } from './console-fixtures.ts';
import { ADMIN_TOKEN, type TestServer, makeBallot, signIn, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());

const VOTE = 'local-9-2027';
const MEMBERS = [
  ['N1', 'Nia Reyes', 'nia@example.org', true, 'north'],
  ['N2', 'Omar Diaz', 'omar@example.org', true, 'north'],
  ['S1', 'Pat Lee', 'pat@example.org', true, 'south'],
  ['S2', 'Quinn Roe', 'quinn@example.org', true, 'south'],
  ['S3', 'Rae Kim', 'dual@example.org', true, 'south'],
  ['S4', 'Sam Fox', 'sam@example.org', false, 'south'],
] as const;

describe('admin console: a whole vote', () => {
  it('runs from a roll upload to a published, verifiable result', async () => {
    const admin = server.client({ adminToken: ADMIN_TOKEN });
    const scheduler = createScheduler(server.engine);

    // 1. Unions and rolls: the preview imports nothing; the import replaces the roll.
    expect(await admin.call('createUnion', { json: { id: 'local-9', name: 'Local 9' } })).toMatchObject({ status: 201, value: { id: 'local-9' } });
    expect(await admin.call('createUnion', { json: { id: 'local-10', name: 'Local 10' } })).toMatchObject({ status: 201 });
    expect(await admin.call('importRoll', { params: { id: 'local-10' }, json: { csv: rollCsv([['T1', 'Rae Kim', 'dual@example.org', true, 'east']]) } })).toMatchObject({ status: 200 });
    const csv = rollCsv(MEMBERS);
    const preview = await admin.call('previewRoll', { params: { id: 'local-9' }, json: { csv } });
    expect(preview).toMatchObject({
      status: 200,
      value: { valid: true, rows: 6, eligible: 5, notInGoodStanding: 1, changes: { added: 6, kept: 0, removed: 0 }, issues: [] },
    });
    expect(preview.ok && preview.value.dualMembers).toEqual([{ email: 'dual@example.org', memberNumber: 'S3', otherUnions: [{ unionId: 'local-10', memberNumber: 'T1' }] }]);
    expect(preview.ok && preview.value.units).toEqual([{ unit: 'north', rows: 2 }, { unit: 'south', rows: 4 }]);
    expect((await admin.call('listUnions')).ok && (await server.engine.store.members.listMembers(asUnionId('local-9'))).length).toBe(0);
    expect(await admin.call('importRoll', { params: { id: 'local-9' }, json: { csv } })).toMatchObject({ status: 200, value: { added: 6, eligible: 5, dualMembers: 1 } });
    expect(await admin.call('listUnions')).toMatchObject({ value: { unions: [{ id: 'local-10', members: 1, eligible: 1 }, { id: 'local-9', members: 6, eligible: 5 }] } });

    // 2. The draft, then the key ceremony through the relay: each trustee's device makes its own messages.
    const devices = await Promise.all(['ana', 'ben', 'cyd'].map(async (name) => new TrusteeDevice(await trusteeClient(server, name), server.rng)));
    // The election committee's offline credential authority: only its public key goes into the draft.
    const authority = newAuthority(server.engine.group, 'offline', server.rng);
    expect(await admin.call('createDraft', { json: { ...definitionForm(), credentialAuthority: authority.credentialAuthority } })).toMatchObject({ status: 201, value: { id: VOTE, status: 'ceremony', ceremony: { status: 'awaiting_commitments', messages: 0 } } });
    expect(await admin.call('createVoteFromDraft', { params: { id: VOTE } })).toMatchObject({ status: 409, error: { code: 'ceremony_incomplete' } });
    for (const d of devices) await d.load(VOTE);
    expect(devices.map((d) => d.index)).toEqual([1, 2, 3]);
    for (const d of devices) expect(await d.post(VOTE, d.commitmentsText())).toMatchObject({ status: 201, value: { kind: 'commitments', trustee: d.index } });
    for (const d of devices) expect(await d.post(VOTE, await d.sharesText(VOTE))).toMatchObject({ status: 201, value: { kind: 'encrypted_shares' } });
    const midway = await devices[0]!.client.call('trusteeCeremony', { params: { id: VOTE } });
    expect(midway).toMatchObject({ value: { status: 'awaiting_confirmations', you: 1, threshold: 2, trusteeCount: 3, messages: 6 } });
    expect(midway.ok && midway.value.trustees.map((t) => [t.account, t.commitments, t.shares, t.confirmation])).toEqual([
      ['ana', true, true, false],
      ['ben', true, true, false],
      ['cyd', true, true, false],
    ]);
    for (const d of devices) expect(await d.post(VOTE, await d.confirmationText(VOTE))).toMatchObject({ status: 201, value: { kind: 'key_confirmation' } });
    expect(await admin.call('getDraft', { params: { id: VOTE } })).toMatchObject({ value: { ceremony: { status: 'complete', messages: 9 } } });

    // 3. Create the vote: the roll freezes at the record date and the opening and closing are scheduled.
    // As if the server had crashed right after engine.createVote: the route finishes the job.
    const draft = (await server.engine.store.drafts.getDraft(asVoteId(VOTE)))!;
    expect(draft.electionId).toMatch(/^[0-9a-f]{32}$/);
    const stored = JSON.parse(draft.definition) as VoteDefinition & { trustees: { members: { account?: string }[] } };
    const definition: VoteDefinition = { ...stored, electionId: draft.electionId!, trustees: { ...stored.trustees, members: stored.trustees.members.map(({ id, name }) => ({ id, name })) } };
    const ceremony = (await server.engine.store.drafts.listCeremonyMessages(asVoteId(VOTE))).map((m) => unwrap(parseWireCeremonyMessage(server.engine.group, m.message)));
    expect((await server.engine.createVote(definition, ceremony)).ok).toBe(true);
    expect(await server.engine.store.votes.getSchedule(asVoteId(VOTE))).toBeNull();
    const created = await admin.call('createVoteFromDraft', { params: { id: VOTE } });
    expect(created).toMatchObject({ status: 201, value: { voteId: VOTE, status: 'draft', eligibleCount: 5 } });
    expect(await admin.call('createVoteFromDraft', { params: { id: VOTE } })).toMatchObject({ status: 409, error: { code: 'draft_already_created' } });
    expect(await server.engine.store.votes.getSchedule(asVoteId(VOTE))).toMatchObject({ opensAt: '2026-11-11T09:00:00.000Z', closesAt: '2026-11-12T17:00:00.000Z', openedAt: null });
    expect(await devices[0]!.post(VOTE, devices[0]!.commitmentsText())).toMatchObject({ status: 409, error: { code: 'draft_already_created' } });
    const detail = await server.client().getVote(VOTE);
    expect(detail).toMatchObject({ value: { status: 'draft', eligibleCount: 5, trustees: { threshold: 2 } } });
    expect(created.ok && detail.ok && created.value.fingerprint).toBe(detail.ok && detail.value.fingerprint);

    // 4. Credentials (the credential authority runs offline; only public credentials reach the server,
    // with the private record of which member each was issued to: decision 0018).
    const group = server.engine.group;
    const credentials = new Map<string, PrivateCredential>(MEMBERS.filter((m) => m[3]).map((m) => [m[0], generatePrivateCredential(server.rng)]));
    const links = [...credentials].map(([memberNumber, c]) => ({ credential: toHex(group.encodeElement(publicCredential(group, definition, c))), memberNumber }));
    expect((await server.engine.publishHeldCredentials(asVoteId(VOTE), links, { key: authority.key })).ok).toBe(true);

    // 5. The scheduler opens the vote at opensAt, not before.
    expect(await scheduler.runDueJobs(server.clock.now())).toEqual([]);
    server.clock.advance(21 * 3600_000 - 1000); // 2026-11-11T08:59:59Z
    expect(await scheduler.runDueJobs(server.clock.now())).toEqual([]);
    server.clock.advance(1000);
    expect(await scheduler.runDueJobs(server.clock.now())).toEqual([{ voteId: VOTE, job: 'open', dueAt: '2026-11-11T09:00:00.000Z', outcome: 'done' }]);
    expect((await server.engine.store.votes.getVote(asVoteId(VOTE)))?.status).toBe('open');
    expect(await scheduler.runDueJobs(server.clock.now())).toEqual([]);

    // 6. Members vote (sign-in + ballot from the booth); no result before the close.
    const cast = async (memberNumber: string, yes: boolean) => {
      const member = MEMBERS.find((m) => m[0] === memberNumber)!;
      const client = server.client();
      await signIn(server, client, memberNumber, member[2]);
      const ballot = await makeBallot(server.engine, VOTE, credentials.get(memberNumber)!, yes, server.rng);
      expect(await client.castBallot(VOTE, ballot)).toMatchObject({ status: 201 });
    };
    await cast('N1', true);
    await cast('S1', true);
    server.clock.advance(2 * 3600_000);
    await cast('S2', false);
    await cast('S3', true);
    expect(await server.client().result(VOTE)).toMatchObject({ status: 404, error: { code: 'result_not_published' } });
    const dashboard = await admin.call('turnoutDashboard', { params: { id: VOTE } });
    expect(dashboard).toMatchObject({ status: 200, value: { status: 'open', eligible: 5, voted: 4, ballotsAccepted: 4, ballotsCounted: 4, union: { id: 'local-9', name: 'Local 9' } } });
    expect(dashboard.ok && dashboard.value.hourly).toEqual([
      { hour: '2026-11-11T09:00:00.000Z', ballots: 2, cumulative: 2 },
      { hour: '2026-11-11T11:00:00.000Z', ballots: 2, cumulative: 4 },
    ]);
    expect(dashboard.ok && dashboard.value.units).toEqual([{ unit: 'north', eligible: 2, voted: 1 }, { unit: 'south', eligible: 3, voted: 3 }]);
    expect(JSON.stringify(dashboard)).not.toMatch(/N1|S1|S2|S3|trackingCode/);
    expect(await admin.call('listVoters', { params: { id: VOTE } })).toMatchObject({
      value: { voters: [{ memberNumber: 'N1', unit: 'north' }, { memberNumber: 'S1' }, { memberNumber: 'S2' }, { memberNumber: 'S3', name: 'Rae Kim' }] },
    });
    // A day has passed: the trustees' staff sessions (8 hours) have expired; they sign in again.
    for (const [i, d] of devices.entries()) expect((await d.client.staff.login(['ana', 'ben', 'cyd'][i]!, STAFF_PASSWORD)).ok).toBe(true);
    expect(await devices[0]!.client.call('trusteeTally', { params: { id: VOTE } })).toMatchObject({ status: 409, error: { code: 'vote_not_closed' } });
    // An observer sees the counts, never the list of who voted.
    const observer = server.client();
    expect((await createStaffAccount(server.engine.store, { username: 'olga', password: STAFF_PASSWORD, role: 'observer', secretKey: null })).ok).toBe(true);
    expect((await observer.staff.login('olga', STAFF_PASSWORD)).ok).toBe(true);
    expect(await observer.call('turnoutDashboard', { params: { id: VOTE } })).toMatchObject({ status: 200, value: { voted: 4 } });
    expect(await observer.call('listVoters', { params: { id: VOTE } })).toMatchObject({ status: 403 });

    // 7. The scheduler closes the vote at closesAt and the tally is computed.
    server.clock.advance(30 * 3600_000); // past 2026-11-12T17:00:00Z
    expect(await scheduler.runDueJobs(server.clock.now())).toMatchObject([{ voteId: VOTE, job: 'close', outcome: 'done' }]);
    expect((await server.engine.store.votes.getVote(asVoteId(VOTE)))?.status).toBe('closed');
    expect(await server.client().result(VOTE)).toMatchObject({ status: 404 });

    // 8. Two of three trustees decrypt through the relay; the second share publishes the result.
    for (const [i, d] of devices.entries()) expect((await d.client.staff.login(['ana', 'ben', 'cyd'][i]!, STAFF_PASSWORD)).ok).toBe(true);
    const [ana, , cyd] = devices;
    const badProof = await ana!.client.call('trusteePartialDecryption', { params: { id: VOTE }, text: await ana!.partialDecryptionText(VOTE, new Uint8Array(64)) });
    expect(badProof).toMatchObject({ status: 400, error: { code: 'bad_decryption_proof' } });
    expect(!badProof.ok && badProof.error.message).toContain('trustee 1');
    expect(await cyd!.client.call('trusteePartialDecryption', { params: { id: VOTE }, text: await ana!.partialDecryptionText(VOTE) })).toMatchObject({ status: 403, error: { code: 'wrong_author' } });
    const first = await ana!.client.call('trusteePartialDecryption', { params: { id: VOTE }, text: await ana!.partialDecryptionText(VOTE) });
    expect(first).toMatchObject({ status: 201, value: { trustee: 1, received: 1, threshold: 2, published: false } });
    expect(await cyd!.client.call('trusteeTally', { params: { id: VOTE } })).toMatchObject({ value: { you: 3, received: [1], threshold: 2 } });
    const second = await cyd!.client.call('trusteePartialDecryption', { params: { id: VOTE }, text: await cyd!.partialDecryptionText(VOTE) });
    expect(second).toMatchObject({ status: 201, value: { trustee: 3, received: 2, published: true } });
    const result = await server.client().result(VOTE);
    expect(result.ok && result.value.result.questions[0]!.counts).toEqual({ options: [3, 1], blank: 0 });
    expect(result.ok && result.value.result.questions[0]!.evaluation.outcome.kind).toBe('passed');
    expect(result.ok && result.value.result.decryptedBy).toEqual([1, 3]);

    // 9. The record verifies with the independent verifier.
    const record = await server.client().record(VOTE);
    if (!record.ok) throw new Error(record.error.code);
    const report = await verifyRecord(record.value.files);
    expect(report.ok).toBe(true);
  });
});
