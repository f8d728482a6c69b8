// Campaigns over HTTP: endorsement pages that only verified members of the vote's roll sign (shown
// name and role public, member number and email never), committees bound to a vote and side, and
// appeals approved by an administrator and delivered to the whole roll through the mail queue, on
// equal terms (a per-side quota, one template, one audience), with a delivery record by member
// number for administrators and observers and counts only for the committee.
import { randomBytes } from 'node:crypto';
import { createStaffAccount } from '@ratify/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPEALS_PER_SIDE, APPEAL_BODY_MAX } from '../src/api/campaign-schemas.ts';
import type { RatifyClient } from '../src/client.ts';
import { createMailDelivery } from '../src/mail/delivery.ts';
import { appealMail } from '../src/mail/campaign-templates.ts';
import { mailKey } from '../src/mail/sealed-body.ts';
import { ADMIN_TOKEN, DUAL_EMAIL, FED, GUILD, seedScenario, signIn, startServer, type TestServer } from './fixtures.ts';

const KEY = randomBytes(32);
const PASSWORD = 'a long enough committee password';

let server: TestServer;
let admin: RatifyClient;
beforeEach(async () => {
  server = await startServer({ secretKey: KEY });
  await seedScenario(server);
  admin = server.client({ adminToken: ADMIN_TOKEN });
});
afterEach(() => server.close());

const call = (client: RatifyClient, name: Parameters<RatifyClient['call']>[0], input: Parameters<RatifyClient['call']>[1] = {}) => client.call(name, input);

async function member(number: string, email: string): Promise<RatifyClient> {
  const client = server.client();
  await signIn(server, client, number, email);
  return client;
}

async function createPage(side: 'for' | 'against', title: string): Promise<string> {
  server.clock.advance(1000);
  const r = await call(admin, 'adminCreateEndorsementPage', { params: { id: GUILD.voteId }, json: { side, title, statement: `Why we vote ${side}.` } });
  if (!r.ok) throw new Error(r.error.code);
  return (r.value as { id: string }).id;
}

async function committee(username: string, side: 'for' | 'against', name: string): Promise<RatifyClient> {
  const r = await call(admin, 'adminCreateCommittee', { params: { id: GUILD.voteId }, json: { side, name, username, password: PASSWORD } });
  if (!r.ok) throw new Error(r.error.code);
  const client = server.client();
  const login = await client.staff.login(username, PASSWORD);
  if (!login.ok) throw new Error(login.error.code);
  return client;
}

const appealBody = (n: number) => ({ subjectEn: `Appeal ${n}`, bodyEn: `Please read appeal number ${n}.\n\n- point one\n- point two` });

async function submit(client: RatifyClient, n: number): Promise<string> {
  server.clock.advance(1000);
  const r = await call(client, 'campaignSubmitAppeal', { json: appealBody(n) });
  if (!r.ok) throw new Error(r.error.code);
  return (r.value as { id: string }).id;
}

async function drain(): Promise<void> {
  const delivery = createMailDelivery({ store: server.store, mailer: server.mail, key: mailKey(KEY), clock: server.clock.now, batchSize: 100 });
  await delivery.drainOnce();
}

describe('endorsement pages', () => {
  it('verified members of the roll sign with a shown name and an optional role; the public sees names, roles and the count only', async () => {
    const yes = await createPage('for', 'Actors for a Fair Contract');
    await createPage('against', 'Vote No: Hold Out for New Media');
    const g1 = await member('G1', 'g1@example.org');
    const g2 = await member('G2', 'g2@example.org');

    expect(await call(g1, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 201, value: { signature: { shownName: 'Name G1', role: null }, count: 1 } });
    expect(await call(g2, 'signEndorsement', { params: { pageId: yes }, json: { shownName: 'Bea Two', role: 'Shop steward' } })).toMatchObject({ status: 201, value: { count: 2 } });
    expect(await call(g1, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 409, error: { code: 'already_signed' } });

    const pub = await call(server.client(), 'endorsementPage', { params: { pageId: yes } });
    expect(pub).toMatchObject({ ok: true, value: { page: { title: 'Actors for a Fair Contract', side: 'for', count: 2, voteTitle: `Vote ${GUILD.voteId}`, unionName: GUILD.unionName } } });
    if (!pub.ok) throw new Error();
    expect((pub.value as { endorsers: unknown[] }).endorsers).toEqual([
      { shownName: 'Name G1', role: null, signedAt: server.clock.now().toISOString() },
      { shownName: 'Bea Two', role: 'Shop steward', signedAt: server.clock.now().toISOString() },
    ]);
    const text = JSON.stringify(pub.value);
    expect(text).not.toMatch(/"G1"|"G2"|@example\.org|memberNumber|email/);

    const list = await call(server.client(), 'endorsementPages', { params: { id: GUILD.voteId } });
    expect(list).toMatchObject({ ok: true, value: { pages: [{ title: 'Actors for a Fair Contract', count: 2 }, { title: 'Vote No: Hold Out for New Media', count: 0 }] } });
    expect(await call(g1, 'mySignatures')).toMatchObject({ ok: true, value: { signatures: [{ pageId: yes, shownName: 'Name G1' }] } });

    expect(await call(g1, 'withdrawEndorsement', { params: { pageId: yes } })).toMatchObject({ ok: true, value: { withdrawn: true, count: 1 } });
    expect(await call(g1, 'withdrawEndorsement', { params: { pageId: yes } })).toMatchObject({ status: 409, error: { code: 'not_signed' } });
    expect(await call(g1, 'mySignatures')).toMatchObject({ ok: true, value: { signatures: [] } });
  });

  it('refuses non-members of the roll, unknown pages, bad input and anonymous callers, changing nothing', async () => {
    const yes = await createPage('for', 'Yes');
    const f2 = await member('F2', 'f2@example.org');
    expect(await call(f2, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 403, error: { code: 'not_eligible' } });
    // The dual member signed in to the Federation is not a Guild endorser through that session.
    const dual = await member('F1', DUAL_EMAIL);
    expect(await call(dual, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 403, error: { code: 'not_eligible' } });
    const g1 = await member('G1', 'g1@example.org');
    expect(await call(g1, 'signEndorsement', { params: { pageId: 'nope' }, json: {} })).toMatchObject({ status: 404, error: { code: 'page_not_found' } });
    for (const json of [{ shownName: 'x'.repeat(81) }, { role: 'two\nlines' }, { shownName: '' }, { memberNumber: 'G2' }]) {
      expect(await call(g1, 'signEndorsement', { params: { pageId: yes }, json }), JSON.stringify(json)).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    }
    // Control and bidi characters (U+202E reverses what follows; U+2066 isolates; NUL; a lone surrogate) are refused by name.
    for (const json of [{ shownName: 'Ana \u202Elivre' }, { role: 'Steward \u2066x\u2069' }, { shownName: 'A\u0000B' }, { shownName: 'A\uD800B' }, { role: 'x\u200Fy' }]) {
      const r = await call(g1, 'signEndorsement', { params: { pageId: yes }, json });
      expect(r, JSON.stringify(json)).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
      if (!r.ok) expect(r.error.message).toMatch(/^The request is not valid: (shownName|role): (text-direction|one line only|the text is not valid Unicode)/);
    }
    expect(await call(server.client(), 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 401, error: { code: 'not_signed_in' } });
    expect(await call(server.client(), 'endorsementPage', { params: { pageId: yes } })).toMatchObject({ ok: true, value: { page: { count: 0 }, endorsers: [] } });
    // HTML-looking text is only text: kept as written (the pages render it as text; e2e/web-campaigns checks that in Chromium).
    const html = '<img src=x onerror=alert(1)> <b>Ana</b> & co';
    expect(await call(g1, 'signEndorsement', { params: { pageId: yes }, json: { shownName: html } })).toMatchObject({ status: 201, value: { signature: { shownName: html } } });
    expect(await call(server.client(), 'endorsementPages', { params: { id: 'no-such-vote' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await call(admin, 'adminCreateEndorsementPage', { params: { id: GUILD.voteId }, json: { side: 'maybe', title: 'X', statement: 'Y' } })).toMatchObject({ status: 400 });
    expect(await call(admin, 'adminCreateEndorsementPage', { params: { id: 'no-such-vote' }, json: { side: 'for', title: 'X', statement: 'Y' } })).toMatchObject({ status: 404 });
    expect(await call(server.client(), 'endorsementPages', { params: { id: GUILD.voteId } })).toMatchObject({ ok: true, value: { pages: [{ count: 1 }] } });
  });

  it('stops taking signatures once the vote is closed, but a member can still withdraw', async () => {
    const yes = await createPage('for', 'Yes');
    const g1 = await member('G1', 'g1@example.org');
    const g2 = await member('G2', 'g2@example.org');
    expect((await call(g1, 'signEndorsement', { params: { pageId: yes }, json: {} })).ok).toBe(true);
    expect(await admin.admin.close(GUILD.voteId)).toMatchObject({ ok: true });
    expect(await call(g2, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 409, error: { code: 'campaign_closed' } });
    expect(await call(g1, 'withdrawEndorsement', { params: { pageId: yes } })).toMatchObject({ ok: true, value: { count: 0 } });
  });

  it('rate-limits signing and withdrawing per member', async () => {
    const yes = await createPage('for', 'Yes');
    const g1 = await member('G1', 'g1@example.org');
    for (let i = 0; i < 10; i++) {
      expect((await call(g1, 'signEndorsement', { params: { pageId: yes }, json: {} })).ok).toBe(true);
      expect((await call(g1, 'withdrawEndorsement', { params: { pageId: yes } })).ok).toBe(true);
    }
    expect(await call(g1, 'signEndorsement', { params: { pageId: yes }, json: {} })).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
    expect(await call(server.client(), 'endorsementPage', { params: { pageId: yes } })).toMatchObject({ value: { page: { count: 0 } } });
  });
});

describe('campaign committees and appeals', () => {
  it('an administrator creates committees (audited, no password kept in clear); bad ones change nothing', async () => {
    await committee('yes-committee', 'for', 'Actors for a Fair Contract');
    expect(await call(admin, 'adminCreateCommittee', { params: { id: GUILD.voteId }, json: { side: 'against', name: 'X', username: 'yes-committee', password: PASSWORD } })).toMatchObject({ status: 409, error: { code: 'duplicate_username' } });
    expect(await call(admin, 'adminCreateCommittee', { params: { id: GUILD.voteId }, json: { side: 'against', name: 'X', username: 'no', password: 'short' } })).toMatchObject({ status: 400 });
    expect(await call(admin, 'adminCreateCommittee', { params: { id: GUILD.voteId }, json: { side: 'neither', name: 'X', username: 'nobody', password: PASSWORD } })).toMatchObject({ status: 400 });
    expect(await call(admin, 'adminCreateCommittee', { params: { id: 'no-such-vote' }, json: { side: 'for', name: 'X', username: 'nobody', password: PASSWORD } })).toMatchObject({ status: 404 });
    expect((await server.store.staff.listStaffAccounts()).map((a) => [a.username, a.role])).toEqual([['yes-committee', 'campaign']]);
    expect(await call(admin, 'adminCommittees', { params: { id: GUILD.voteId } })).toMatchObject({ value: { committees: [{ username: 'yes-committee', side: 'for', name: 'Actors for a Fair Contract' }] } });
    const audit = await admin.staff.auditLog({ voteId: GUILD.voteId });
    expect(audit).toMatchObject({ ok: true, value: { entries: [{ actor: 'ops-token', action: 'adminCreateCommittee' }] } });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(JSON.stringify(await server.store.kysely.selectFrom('staff_accounts').selectAll().execute())).not.toContain(PASSWORD);
  });

  it('a committee works only on its own vote and side, submits appeals, and sees counts but never an address', async () => {
    const yes = await committee('yes-committee', 'for', 'Actors for a Fair Contract');
    const no = await committee('no-committee', 'against', 'Vote No: Hold Out for New Media');
    expect(await call(yes, 'campaignMe')).toMatchObject({ ok: true, value: { committee: { voteId: GUILD.voteId, side: 'for' }, quota: APPEALS_PER_SIDE, approved: 0 } });
    // The vote and side come from the account: a body naming them is refused.
    expect(await call(yes, 'campaignCreatePage', { json: { title: 'Ours', statement: 'Sign.', side: 'against' } })).toMatchObject({ status: 400 });
    expect(await call(yes, 'campaignCreatePage', { json: { title: 'Ours', statement: 'Sign.' } })).toMatchObject({ status: 201, value: { side: 'for', voteId: GUILD.voteId } });

    for (const json of [
      { subjectEn: 'Hi' },
      { subjectEn: 'Hi', bodyEn: 'x'.repeat(APPEAL_BODY_MAX + 1) },
      { subjectEn: 'Two\nlines', bodyEn: 'Body' },
      { subjectEn: 'Hi', bodyEn: 'Body', subjectEs: 'Hola' },
      { subjectEn: 'Hi', bodyEn: 'Body', voteId: FED.voteId },
    ]) {
      expect(await call(yes, 'campaignSubmitAppeal', { json }), JSON.stringify(json)).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    }
    const a1 = await submit(yes, 1);
    const b1 = await submit(no, 1);
    expect(await call(yes, 'campaignAppeals')).toMatchObject({ ok: true, value: { appeals: [{ id: a1, status: 'pending', side: 'for', recipients: null }] } });
    expect(await call(no, 'campaignAppeals')).toMatchObject({ ok: true, value: { appeals: [{ id: b1, side: 'against' }] } });

    // A committee cannot decide, read the record, or reach any other staff route.
    expect(await call(yes, 'adminApproveAppeal', { params: { appealId: a1 } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await call(yes, 'appealRecord', { params: { appealId: a1 } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await call(yes, 'adminAppeals', { params: { id: GUILD.voteId } })).toMatchObject({ status: 403 });
    // Nor can the ops token or an administrator act as a committee.
    expect(await call(admin, 'campaignAppeals', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await call(admin, 'campaignAppeals')).toMatchObject({ status: 401, error: { code: 'staff_sign_in_required' } });

    expect(await call(admin, 'adminRejectAppeal', { params: { appealId: b1 }, json: { reason: '' } })).toMatchObject({ status: 400 });
    expect(await call(admin, 'adminRejectAppeal', { params: { appealId: b1 }, json: { reason: 'Names a member without consent' } })).toMatchObject({ ok: true, value: { status: 'rejected' } });
    expect(await call(admin, 'adminRejectAppeal', { params: { appealId: b1 }, json: { reason: 'again' } })).toMatchObject({ status: 409, error: { code: 'appeal_not_pending' } });
    expect(await call(no, 'campaignAppeals')).toMatchObject({ value: { appeals: [{ status: 'rejected', rejectReason: 'Names a member without consent', decidedBy: 'ops-token' }] } });

    expect(await call(admin, 'adminApproveAppeal', { params: { appealId: a1 } })).toMatchObject({ ok: true, value: { status: 'approved', recipients: 3, decidedBy: 'ops-token' } });
    await drain();
    const mine = await call(yes, 'campaignAppeals');
    expect(mine).toMatchObject({ ok: true, value: { appeals: [{ status: 'approved', recipients: 3, delivery: { sent: 3, queued: 0, failed: 0 } }] } });
    expect(JSON.stringify(mine)).not.toMatch(/@|"G\d"/);
  });

  it('approval sends the appeal to every eligible member of the frozen roll in the shared template, and records each delivery', async () => {
    const yes = await committee('yes-committee', 'for', 'Actors for a Fair Contract');
    const a1 = await submit(yes, 1);
    expect(await call(admin, 'adminApproveAppeal', { params: { appealId: a1 } })).toMatchObject({ ok: true });
    // Sealed in the queue until sent.
    const queued = await server.store.mail.listMail({ kind: 'campaign_appeal' });
    expect(queued.map((m) => m.memberNumber).sort()).toEqual(['G1', 'G2', 'G3']);
    expect(JSON.stringify(queued)).not.toContain('Please read appeal');
    await drain();
    const sent = server.mail.messages().filter((m) => m.subject === '[Campaign] Appeal 1');
    expect(sent.map((m) => m.to).sort()).toEqual([DUAL_EMAIL, 'g1@example.org', 'g2@example.org'].sort());
    for (const m of sent) {
      expect(m.text).toContain('Please read appeal number 1.');
      expect(m.text).toContain("Campaign message from Actors for a Fair Contract (for in \"Vote guild-strike\"), sent by the union's election platform.");
    }
    const observer = await staffObserver();
    const record = await call(observer, 'appealRecord', { params: { appealId: a1 } });
    expect(record).toMatchObject({ ok: true, value: { appeal: { bodyEn: appealBody(1).bodyEn, decidedBy: 'ops-token', decidedAt: server.clock.now().toISOString(), recipients: 3 } } });
    if (!record.ok) throw new Error();
    expect((record.value as { deliveries: { memberNumber: string; status: string }[] }).deliveries.map((d) => [d.memberNumber, d.status])).toEqual([['G1', 'sent'], ['G2', 'sent'], ['G3', 'sent']]);
    expect(JSON.stringify(record.value)).not.toContain('@');
    expect(await call(observer, 'adminApproveAppeal', { params: { appealId: a1 } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    const audit = await admin.staff.auditLog({ voteId: GUILD.voteId });
    expect(audit.ok && audit.value.entries.map((e) => e.action)).toContain('campaign_appeal_approved');
    expect(await call(admin, 'appealRecord', { params: { appealId: 'nope' } })).toMatchObject({ status: 404, error: { code: 'appeal_not_found' } });
  });

  it('equal terms: each side gets at most the quota of approved appeals; a refused approval sends nothing', async () => {
    const yes = await committee('yes-committee', 'for', 'Yes');
    const no = await committee('no-committee', 'against', 'No');
    const ids = [];
    for (let i = 1; i <= APPEALS_PER_SIDE + 1; i++) ids.push(await submit(yes, i));
    for (const id of ids.slice(0, APPEALS_PER_SIDE)) expect(await call(admin, 'adminApproveAppeal', { params: { appealId: id } })).toMatchObject({ ok: true });
    const before = (await server.store.mail.listMail({ kind: 'campaign_appeal' })).length;
    expect(await call(admin, 'adminApproveAppeal', { params: { appealId: ids[APPEALS_PER_SIDE]! } })).toMatchObject({ status: 409, error: { code: 'appeal_quota_reached' } });
    expect(await server.store.mail.listMail({ kind: 'campaign_appeal' })).toHaveLength(before);
    expect(await call(yes, 'campaignSubmitAppeal', { json: appealBody(9) })).toMatchObject({ status: 409, error: { code: 'appeal_quota_reached' } });
    expect(await call(yes, 'campaignMe')).toMatchObject({ value: { approved: APPEALS_PER_SIDE } });
    // The other side keeps its full quota, to the same audience.
    const b1 = await submit(no, 1);
    expect(await call(admin, 'adminApproveAppeal', { params: { appealId: b1 } })).toMatchObject({ ok: true, value: { recipients: 3 } });
    expect(await call(admin, 'adminAppeals', { params: { id: GUILD.voteId } })).toMatchObject({ value: { quota: APPEALS_PER_SIDE, appeals: [{ status: 'approved' }, { status: 'approved' }, { status: 'pending' }, { side: 'against', status: 'approved' }] } });
  });

  it('stops taking and approving appeals once the vote is closed, and needs the secret key to approve', async () => {
    const yes = await committee('yes-committee', 'for', 'Yes');
    const a1 = await submit(yes, 1);
    expect(await admin.admin.close(GUILD.voteId)).toMatchObject({ ok: true });
    expect(await call(yes, 'campaignSubmitAppeal', { json: appealBody(2) })).toMatchObject({ status: 409, error: { code: 'campaign_closed' } });
    expect(await call(admin, 'adminApproveAppeal', { params: { appealId: a1 } })).toMatchObject({ status: 409, error: { code: 'campaign_closed' } });

    const keyless = await startServer({});
    try {
      await seedScenario(keyless);
      const token = keyless.client({ adminToken: ADMIN_TOKEN });
      // The id is checked before the server's missing key is mentioned (secret-key.test.ts has the 503).
      expect(await call(token, 'adminApproveAppeal', { params: { appealId: 'x' } })).toMatchObject({ status: 404, error: { code: 'appeal_not_found' } });
    } finally {
      await keyless.close();
    }
  });

  it('a committee of another vote sees and writes only its own vote', async () => {
    const guild = await committee('yes-committee', 'for', 'Guild yes');
    await submit(guild, 1);
    const r = await call(admin, 'adminCreateCommittee', { params: { id: FED.voteId }, json: { side: 'for', name: 'Federation yes', username: 'fed-yes', password: PASSWORD } });
    expect(r).toMatchObject({ status: 201, value: { voteId: FED.voteId } });
    const fed = server.client();
    expect((await fed.staff.login('fed-yes', PASSWORD)).ok).toBe(true);
    expect(await call(fed, 'campaignAppeals')).toMatchObject({ ok: true, value: { voteId: FED.voteId, appeals: [] } });
    expect(await call(fed, 'campaignCreatePage', { json: { title: 'Federation yes', statement: 'Sign.' } })).toMatchObject({ status: 201, value: { voteId: FED.voteId, side: 'for' } });
    expect(await call(fed, 'campaignMe')).toMatchObject({ value: { committee: { voteId: FED.voteId }, approved: 0 } });
  });

  it('rate-limits a committee\'s writes', async () => {
    const yes = await committee('yes-committee', 'for', 'Yes');
    for (let i = 0; i < 20; i++) expect((await call(yes, 'campaignCreatePage', { json: { title: `Page ${i}`, statement: 'Sign.' } })).status).toBe(201);
    expect(await call(yes, 'campaignSubmitAppeal', { json: appealBody(1) })).toMatchObject({ status: 429, error: { code: 'rate_limited' } });
  });

  it('a campaign account without a committee binding is refused everywhere', async () => {
    const created = await createStaffAccount(server.engine.store, { username: 'stray', password: PASSWORD, role: 'campaign', secretKey: null });
    expect(created.ok).toBe(true);
    const stray = server.client();
    expect((await stray.staff.login('stray', PASSWORD)).ok).toBe(true);
    expect(await call(stray, 'campaignMe')).toMatchObject({ status: 403, error: { code: 'not_a_committee' } });
    expect(await call(stray, 'campaignSubmitAppeal', { json: appealBody(1) })).toMatchObject({ status: 403, error: { code: 'not_a_committee' } });
  });
});

describe('the appeal template', () => {
  it('is the same for both sides, in English and Spanish, with the labelled footer', () => {
    const base = { name: 'Ana', voteTitle: 'Ratify 2008', subject: 'S', body: 'B', quota: 2, pagesLink: 'http://x/votes/v/endorsements' };
    const yes = appealMail('en', { ...base, committee: 'Yes', side: 'for' });
    const no = appealMail('en', { ...base, committee: 'No', side: 'against' });
    expect(yes.text.replace(/Yes \(for/, '')).toBe(no.text.replace(/No \(against/, ''));
    expect(yes.subject).toBe(no.subject);
    expect(appealMail('es', { ...base, committee: 'Sí', side: 'for' })).toMatchObject({ subject: '[Campaña] S' });
    expect(appealMail('es', { ...base, committee: 'Sí', side: 'for' }).text).toContain('Mensaje de campaña de Sí (a favor en "Ratify 2008"), enviado por la plataforma electoral del sindicato.');
  });
});

async function staffObserver(): Promise<RatifyClient> {
  const created = await createStaffAccount(server.engine.store, { username: 'olga', password: PASSWORD, role: 'observer', secretKey: null });
  if (!created.ok) throw new Error(created.error);
  const client = server.client();
  const login = await client.staff.login('olga', PASSWORD);
  if (!login.ok) throw new Error(login.error.code);
  return client;
}
