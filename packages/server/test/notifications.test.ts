// Credentials, reminders, replacements and results by email, end to end: administrator routes
// through the typed client, the queue drained by the delivery job over real SMTP (an in-process
// sink on 127.0.0.1), members voting with the credential their email carried. Checks that a
// private credential is never in the database in clear nor in the logs, and that replacing one
// revokes the old credential.
import { randomBytes } from 'node:crypto';
import { type RandomSource, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteDefinition, definitionCeremonyContext, ruleOf, runLocalCeremony, serverAuthority } from '@ratify/engine';
import { asVoteId, parsePrivateCredential, type PrivateCredential, publicCredential, asUnionId, generateElectionId, type ElectionScope } from '@ratify/protocol';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailDelivery } from '../src/mail/delivery.ts';
import { mailKey } from '../src/mail/sealed-body.ts';
import { createSmtpMailer } from '../src/mail/smtp-mailer.ts';
import { ADMIN_TOKEN, type SeededVote, type TestServer, makeBallot, makePartialDecryption, signIn, startServer } from './fixtures.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const SECRET = randomBytes(32);
const VOTE = 'local-7-ratify';
const PUBLIC_URL = 'https://vote.example.org';
const MEMBERS = [
  { memberNumber: 'L1', email: 'l1@example.org' },
  { memberNumber: 'L2', email: 'l2@example.org' },
  { memberNumber: 'L3', email: 'l3@example.org', language: 'es' },
  { memberNumber: 'L4', email: 'l4@example.org', goodStanding: false },
];

/** A draft vote of union `local7` with its roll frozen and trustees set up, but no credentials. */
async function seedDraftVote(engine: Engine, rng: RandomSource): Promise<SeededVote> {
  unwrap(await engine.store.members.createUnion({ id: asUnionId('local7'), name: 'Local 7 (sample)' }));
  unwrap(
    await engine.store.members.importRoll(
      asUnionId('local7'),
      MEMBERS.map((m) => ({
        memberNumber: m.memberNumber,
        name: `Name ${m.memberNumber}`,
        email: m.email,
        goodStanding: m.goodStanding ?? true,
        unit: null,
        ...(m.language !== undefined ? { language: m.language } : {}),
      })),
    ),
  );
  // The server issues the credentials here: it is the credential authority (server mode), its key
  // derived from the server's RATIFY_SECRET_KEY.
  const electionId = generateElectionId(rng);
  const authority = serverAuthority(engine.group, SECRET, VOTE, electionId);
  const definition: VoteDefinition = {
    voteId: VOTE,
    electionId,
    credentialAuthority: authority.credentialAuthority,
    title: 'Ratify the 2027 agreement',
    unionId: 'local7',
    unionName: 'Local 7 (sample)',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'q1', kind: 'yes_no', text: 'Do you ratify the agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('ratification')! }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
    followUps: [
      { questionId: 'q1', outcome: 'passed', text: 'The new agreement takes effect on 1 December.' },
      { questionId: 'q1', outcome: 'failed', text: 'A strike-authorization vote opens.' },
    ],
  };
  const ceremony = runLocalCeremony(engine.group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(definition, ceremony.messages));
  election = definition;
  return { voteId: VOTE, credentials: new Map(), keys: ceremony.keys, authority };
}

/** The seeded vote's ids (vote and election): what its credentials are bound to. */
let election: ElectionScope;
let server: TestServer;
let sink: SmtpSink;
let vote: SeededVote;
let closeMailer: () => void;
let drain: () => Promise<unknown>;

beforeEach(async () => {
  server = await startServer({ secretKey: SECRET, publicUrl: PUBLIC_URL });
  sink = await startSmtpSink();
  const mailer = createSmtpMailer(sink.url, 'Local 7 elections <elections@example.org>');
  closeMailer = () => mailer.close();
  const job = createMailDelivery({ store: server.store, mailer, key: mailKey(SECRET), clock: server.clock.now, batchSize: 100 });
  drain = () => job.drainOnce();
  vote = await seedDraftVote(server.engine, server.rng);
});
afterEach(async () => {
  closeMailer();
  await sink.close();
  await server.close();
});

const admin = () => server.client({ adminToken: ADMIN_TOKEN }).admin;

/** The credential a member's email carries in its booth link, parsed as the booth would. */
function credentialIn(mail: ReceivedMail): PrivateCredential {
  const m = new RegExp(`${PUBLIC_URL}/booth/${VOTE}#credential=([0-9A-Z]+)`).exec(mail.text);
  if (m === null) throw new Error(`no booth link in the mail to ${mail.to}`);
  return unwrap(parsePrivateCredential(m[1]!));
}
const publicOf = (credential: PrivateCredential) => toHex(server.engine.group.encodeElement(publicCredential(server.engine.group, election, credential)));
const mailTo = (email: string) => sink.received.filter((m) => m.to === email);

/** Every text cell of every table, for "is this secret anywhere in the database?". */
async function databaseText(): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(server.store.kysely);
  const cells: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(server.store.kysely);
    for (const row of rows.rows) for (const value of Object.values(row)) if (typeof value === 'string') cells.push(value);
  }
  return cells.join('\n');
}

async function issueAndDeliver(): Promise<Map<string, PrivateCredential>> {
  const issued = await admin().issueCredentials(VOTE);
  expect(issued).toMatchObject({ ok: true, status: 202, value: { voteId: VOTE, issued: 3, queued: 3 } });
  await drain();
  return new Map(sink.received.map((m) => [m.to, credentialIn(m)]));
}

async function castWith(memberNumber: string, email: string, credential: PrivateCredential) {
  const member = server.client();
  await signIn(server, member, memberNumber, email);
  return member.castBallot(VOTE, await makeBallot(server.engine, VOTE, credential, true, server.rng));
}

describe('credential issuance by email', () => {
  it('emails every eligible member exactly one credential whose public part is on the list, and keeps no copy', async () => {
    const credentials = await issueAndDeliver();
    expect(sink.received.map((m) => m.to).sort()).toEqual(['l1@example.org', 'l2@example.org', 'l3@example.org']);
    const listed = (await server.store.ballots.listCredentials(asVoteId(VOTE))).map((c) => c.credential);
    expect(listed).toHaveLength(3);
    for (const [email, credential] of credentials) {
      expect(listed).toContain(publicOf(credential));
      // Decision 0018: the email no longer carries the public credential (it would let whoever reads
      // it follow the member's ballots and revotes on the public board).
      expect(mailTo(email)[0]!.text).not.toContain(publicOf(credential));
      expect(mailTo(email)[0]!.text).toMatch(/member number|número de afiliado/);
    }
    expect(new Set(listed).size).toBe(3);

    // Not in the database in clear (nor formatted), not in the logs; every body blanked once sent.
    const db = await databaseText();
    const logs = server.logs.join('\n');
    for (const credential of credentials.values()) {
      for (const form of [credential, credential.match(/.{6}/g)!.join('-')]) {
        expect(db).not.toContain(form);
        expect(logs).not.toContain(form);
      }
    }
    const stored = await server.store.mail.listMail({ voteId: asVoteId(VOTE), kind: 'credential' });
    expect(stored.map((m) => [m.status, m.sealedBody])).toEqual([['sent', null], ['sent', null], ['sent', null]]);

    // The credentials work: open the vote and cast with one.
    expect((await admin().open(VOTE)).ok).toBe(true);
    expect(await castWith('L1', 'l1@example.org', credentials.get('l1@example.org')!)).toMatchObject({ ok: true, status: 201 });

    expect(await admin().issueCredentials(VOTE)).toMatchObject({ ok: false, status: 409, error: { code: 'vote_not_draft' } });
    expect(await admin().mailStatus(VOTE)).toMatchObject({ ok: true, value: { counts: [{ kind: 'credential', status: 'sent', count: 3 }], problems: [] } });
  });

  it('keeps queued credential emails sealed until they are sent', async () => {
    expect((await admin().issueCredentials(VOTE)).ok).toBe(true);
    const queued = await server.store.mail.listMail({ voteId: asVoteId(VOTE) });
    expect(queued).toHaveLength(3);
    expect(queued.every((m) => m.status === 'queued' && m.sealedBody?.startsWith('v1.') === true)).toBe(true);
    expect(await databaseText()).not.toMatch(/#credential=/);
    expect(await admin().issueCredentials(VOTE)).toMatchObject({ ok: false, status: 409, error: { code: 'credentials_already_published' } });
  });

  it("writes to each member in their language (Spanish when the roll says so, else English)", async () => {
    await issueAndDeliver();
    const spanish = mailTo('l3@example.org')[0]!;
    expect(spanish.subject).toBe('Su credencial para votar: Ratify the 2027 agreement');
    expect(spanish.text).toContain('Para votar con un clic');
    const english = mailTo('l1@example.org')[0]!;
    expect(english.subject).toBe('Your voting credential: Ratify the 2027 agreement');
    expect(english.text).toContain('To vote in one click');
    expect(english.text).toContain(`${PUBLIC_URL}/booth/${VOTE}#credential=`);
  });

  it('refuses without the admin token, and without RATIFY_SECRET_KEY', async () => {
    expect(await server.client().admin.issueCredentials(VOTE)).toMatchObject({ ok: false, status: 401, error: { code: 'admin_token_required' } });
    expect(await server.client().admin.sendReminders(VOTE)).toMatchObject({ ok: false, status: 401 });
    expect(await server.client().admin.announceResult(VOTE)).toMatchObject({ ok: false, status: 401 });
    expect(await server.client().admin.replaceCredential(VOTE, { memberNumber: 'L1', reason: 'x', credentialHandle: '0'.repeat(64) })).toMatchObject({ ok: false, status: 401 });
    const keyless = await startServer({});
    try {
      // The id is checked before the server's missing key is mentioned (secret-key.test.ts has the 503s).
      expect(await keyless.client({ adminToken: ADMIN_TOKEN }).admin.issueCredentials(VOTE)).toMatchObject({ ok: false, status: 404, error: { code: 'vote_not_found' } });
    } finally {
      await keyless.close();
    }
    expect(await admin().issueCredentials('no-such-vote')).toMatchObject({ ok: false, status: 404, error: { code: 'vote_not_found' } });
  });
});

describe('reminders', () => {
  it('reach only the eligible members who have not voted', async () => {
    const credentials = await issueAndDeliver();
    expect(await admin().sendReminders(VOTE)).toMatchObject({ ok: false, status: 409, error: { code: 'vote_not_open' } });
    expect((await admin().open(VOTE)).ok).toBe(true);
    expect((await castWith('L2', 'l2@example.org', credentials.get('l2@example.org')!)).ok).toBe(true);
    sink.received.length = 0;
    expect(await admin().sendReminders(VOTE)).toMatchObject({ ok: true, status: 202, value: { queued: 2, alreadyVoted: 1 } });
    await drain();
    expect(sink.received.map((m) => [m.to, m.subject])).toEqual(
      expect.arrayContaining([
        ['l1@example.org', 'Reminder: vote in "Ratify the 2027 agreement"'],
        ['l3@example.org', 'Recordatorio: vote en "Ratify the 2027 agreement"'],
      ]),
    );
    expect(sink.received).toHaveLength(2);
    expect(sink.received.every((m) => !m.text.includes('#credential='))).toBe(true);
  });

  it('refuse a second run unless asked again, with the time of the last, and never queue two for one member', async () => {
    await issueAndDeliver();
    expect((await admin().open(VOTE)).ok).toBe(true);
    expect(await admin().sendReminders(VOTE)).toMatchObject({ ok: true, value: { queued: 3 } });
    const second = await admin().sendReminders(VOTE);
    expect(second).toMatchObject({ ok: false, status: 409, error: { code: 'reminders_already_sent' } });
    // Asked again before the first run was sent: every member still has a reminder waiting.
    expect(await admin().sendReminders(VOTE, true)).toMatchObject({ ok: true, value: { queued: 0 } });
    const dash = await server.client({ adminToken: ADMIN_TOKEN }).call('turnoutDashboard', { params: { id: VOTE } });
    expect(dash).toMatchObject({ ok: true, value: { reminders: { lastCount: 3, total: 3 } } });
    await drain();
    expect(await admin().sendReminders(VOTE, true)).toMatchObject({ ok: true, value: { queued: 3 } });
  });

  it('never reach a member who voted after the reminder was queued, and none leaves once the vote is closed', async () => {
    const credentials = await issueAndDeliver();
    expect((await admin().open(VOTE)).ok).toBe(true);
    sink.received.length = 0;
    expect(await admin().sendReminders(VOTE)).toMatchObject({ ok: true, value: { queued: 3, alreadyVoted: 0 } });
    // Cast after the reminders were queued, before they are sent.
    expect((await castWith('L1', 'l1@example.org', credentials.get('l1@example.org')!)).ok).toBe(true);
    await drain();
    const recipients = sink.received.map((m) => m.to).sort();
    expect(recipients).toEqual(['l2@example.org', 'l3@example.org']);
    const cancelled = (await server.store.mail.listMail({ voteId: asVoteId(VOTE), kind: 'reminder' })).filter((m) => m.memberNumber === 'L1');
    expect(cancelled.map((m) => m.status)).toEqual(['failed']);
    // Queued while open, then the vote closes: nothing is sent.
    sink.received.length = 0;
    expect(await admin().sendReminders(VOTE, true)).toMatchObject({ ok: true, value: { queued: 2, alreadyVoted: 1 } });
    expect((await admin().close(VOTE)).ok).toBe(true);
    await drain();
    expect(sink.received).toEqual([]);
    const after = await server.store.mail.listMail({ voteId: asVoteId(VOTE), kind: 'reminder' });
    expect(after.filter((m) => m.status === 'queued' || m.status === 'sending')).toEqual([]);
  });
});

describe('credential replacement', () => {
  it("revokes the member's own credential (found by member number) and delivers a new one, both audited", async () => {
    const credentials = await issueAndDeliver();
    expect((await admin().open(VOTE)).ok).toBe(true);
    const old = credentials.get('l2@example.org')!;
    const handle = publicOf(old);
    sink.received.length = 0;

    const replaced = await admin().replaceCredential(VOTE, { memberNumber: 'L2', reason: 'lost the email' });
    expect(replaced).toMatchObject({ ok: true, status: 202, value: { voteId: VOTE, memberNumber: 'L2', revoked: handle, queued: 1 } });
    // The answer never pairs the member with their new public credential.
    expect(JSON.stringify(replaced).match(/[0-9a-f]{64}/g)).toEqual([handle]);
    await drain();
    expect(sink.received.map((m) => m.to)).toEqual(['l2@example.org']);
    const mail = sink.received[0]!;
    expect(mail.subject).toBe('Your new voting credential: Ratify the 2027 agreement');
    const fresh = credentialIn(mail);
    expect(fresh).not.toBe(old);

    const list = await server.store.ballots.listCredentials(asVoteId(VOTE));
    expect(list.filter((c) => !c.revoked)).toHaveLength(3);
    expect(list.find((c) => c.credential === handle)).toMatchObject({ revoked: true, revokedReason: 'lost the email' });
    expect(list.find((c) => c.credential === publicOf(fresh))).toMatchObject({ revoked: false });

    expect(await castWith('L2', 'l2@example.org', old)).toMatchObject({ ok: false, status: 403, error: { code: 'credential_revoked' } });
    // The new credential is linked to L2 only: another member cannot use it.
    expect(await castWith('L1', 'l1@example.org', fresh)).toMatchObject({ ok: false, status: 403, error: { code: 'credential_not_yours' } });
    expect(await castWith('L2', 'l2@example.org', fresh)).toMatchObject({ ok: true, status: 201 });

    const audit = await server.store.audit.listAudit({ voteId: asVoteId(VOTE), limit: 100 });
    const revoked = audit.find((e) => e.action === 'credential_revoked');
    const added = audit.find((e) => e.action === 'credential_added');
    expect(revoked?.actor).toBe('ops-token');
    expect(JSON.parse(revoked!.details)).toEqual({ credential: handle, reason: 'lost the email' });
    expect(JSON.parse(added!.details)).toEqual({ credential: publicOf(fresh), replaces: handle });
    expect(added!.details).not.toContain('L2');
    expect(await databaseText()).not.toContain(fresh);
  });

  it("refuses another member's or an unknown reference, a revoked one, and members not on the roll", async () => {
    const body = (memberNumber: string, credentialHandle?: string) => ({ memberNumber, reason: 'lost', ...(credentialHandle === undefined ? {} : { credentialHandle }) });
    expect(await admin().replaceCredential(VOTE, body('L1', '0'.repeat(64)))).toMatchObject({ ok: false, status: 409, error: { code: 'no_credentials' } });
    const credentials = await issueAndDeliver();
    const handle = publicOf(credentials.get('l1@example.org')!);
    const other = publicOf(credentials.get('l2@example.org')!);
    expect(await admin().replaceCredential(VOTE, body('L4', handle))).toMatchObject({ ok: false, status: 404, error: { code: 'member_not_on_roll' } });
    expect(await admin().replaceCredential(VOTE, body('L1', 'ab'.repeat(32)))).toMatchObject({ ok: false, status: 404, error: { code: 'credential_handle_unknown' } });
    // Naming one member and another member's credential cancels nothing.
    expect(await admin().replaceCredential(VOTE, body('L1', other))).toMatchObject({ ok: false, status: 404, error: { code: 'credential_handle_unknown' } });
    expect(await admin().replaceCredential(VOTE, body('L1', 'xyz'))).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_request' } });
    expect((await server.store.ballots.listCredentials(asVoteId(VOTE))).filter((c) => c.revoked)).toEqual([]);
    // A reference from an older email still works when it is the member's own.
    expect((await admin().replaceCredential(VOTE, body('L1', handle))).ok).toBe(true);
    expect(await admin().replaceCredential(VOTE, body('L1', handle))).toMatchObject({ ok: false, status: 409, error: { code: 'credential_already_revoked' } });
  });
});

describe('result announcement', () => {
  it('emails the published result to everyone on the roll, once', async () => {
    const credentials = await issueAndDeliver();
    expect((await admin().open(VOTE)).ok).toBe(true);
    expect((await castWith('L1', 'l1@example.org', credentials.get('l1@example.org')!)).ok).toBe(true);
    expect(await admin().announceResult(VOTE)).toMatchObject({ ok: false, status: 404, error: { code: 'result_not_published' } });
    expect((await admin().close(VOTE)).ok).toBe(true);
    for (const i of [0, 1]) expect((await admin().submitPartialDecryption(VOTE, await makePartialDecryption(server.engine, vote, i, server.rng))).ok).toBe(true);
    expect((await admin().publishResult(VOTE)).ok).toBe(true);
    sink.received.length = 0;

    expect(await admin().announceResult(VOTE)).toMatchObject({ ok: true, status: 202, value: { queued: 3 } });
    await drain();
    expect(sink.received.map((m) => m.to).sort()).toEqual(['l1@example.org', 'l2@example.org', 'l3@example.org']);
    const english = mailTo('l1@example.org')[0]!;
    expect(english.subject).toBe('Result: Ratify the 2027 agreement');
    expect(english.text).toContain('Do you ratify the agreement?: yes 1, no 0, blank 0 — passed');
    expect(english.text).toContain(`${PUBLIC_URL}/votes/${VOTE}/result`);
    // The follow-up the outcome triggered (declared in the manifest), and not the other one.
    expect(english.text).toContain('What follows:\n- The new agreement takes effect on 1 December.');
    expect(english.text).not.toContain('strike-authorization');
    expect(mailTo('l3@example.org')[0]!.text).toContain('aprobada');
    expect(mailTo('l3@example.org')[0]!.text).toContain('Lo que sigue:\n- The new agreement takes effect on 1 December.');
    expect(await admin().announceResult(VOTE)).toMatchObject({ ok: false, status: 409, error: { code: 'already_announced' } });
  });
});
