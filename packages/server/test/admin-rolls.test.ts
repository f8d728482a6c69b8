// Admin console, rolls: unions, the roll preview (counts, changes, dual members, every issue by line
// and column — nothing imported), the all-or-nothing import, and audited amendments of a frozen roll.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createStaffAccount, totpCode } from '@ratify/engine';
import { STAFF_PASSWORD, rollCsv } from './console-fixtures.ts';
import { ADMIN_TOKEN, GUILD, type TestServer, seedScenario, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());
const admin = () => server.client({ adminToken: ADMIN_TOKEN });

describe('unions', () => {
  it('creates a union once and lists unions with their counts', async () => {
    expect(await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } })).toMatchObject({ status: 201, value: { id: 'local-9', name: 'Local 9' } });
    expect(await admin().call('createUnion', { json: { id: 'local-9', name: 'Again' } })).toMatchObject({ status: 409, error: { code: 'duplicate_union' } });
    expect(await admin().call('createUnion', { json: { id: 'Not A Slug', name: 'x' } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await admin().call('createUnion', { json: { id: 'x', name: '' } })).toMatchObject({ status: 400, error: { message: expect.stringContaining('name') } });
    expect(await admin().call('listUnions')).toMatchObject({ status: 200, value: { unions: [{ id: 'local-9', name: 'Local 9', members: 0, eligible: 0 }] } });
    expect(await server.client().call('listUnions')).toMatchObject({ status: 401 });
  });
});

describe('roll upload', () => {
  const good = rollCsv([
    ['A1', 'Ada Byron', 'ada@example.org', true, 'north'],
    ['A2', 'Bo Chen', 'bo@example.org', false, ''],
  ]);

  it('previews a bad file with every issue by line and column, and imports nothing (preview or import)', async () => {
    await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
    const bad = 'member_number,name,email,good_standing\nA1,Ada,ada@example.org,yes\nA2,Bo,not-an-email,yes\nA3,Cy,cy@example.org,maybe\nA1,Ada again,ada2@example.org,no\n';
    const preview = await admin().call('previewRoll', { params: { id: 'local-9' }, json: { csv: bad } });
    expect(preview).toMatchObject({ status: 200, value: { valid: false, rows: 0 } });
    const issues = preview.ok ? preview.value.issues.map((i) => [i.code, i.line, i.column]) : [];
    expect(issues).toEqual([
      ['invalid_email', 3, 'email'],
      ['invalid_good_standing', 4, 'good_standing'],
      ['duplicate_member', 5, 'member_number'],
    ]);
    const imported = await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: bad } });
    expect(imported).toMatchObject({ status: 400, error: { code: 'invalid_roll' } });
    expect(!imported.ok && imported.error.message).toContain('line 3, column email: invalid_email');
    expect(await server.engine.store.members.listMembers('local-9')).toEqual([]);
    // A header problem names the header line and the missing column.
    const header = await admin().call('previewRoll', { params: { id: 'local-9' }, json: { csv: 'member_number,name\n' } });
    expect(header.ok && header.value.issues.map((i) => [i.code, i.line, i.column])).toEqual([['missing_column', 1, 'email'], ['missing_column', 1, 'good_standing']]);
  });

  it('previews the changes against the current roll, then imports all or nothing', async () => {
    await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: good } })).toMatchObject({ status: 200, value: { added: 2, kept: 0, removed: 0, eligible: 1, dualMembers: 0 } });
    const next = rollCsv([
      ['A1', 'Ada Byron', 'ada@example.org', true, 'north'],
      ['A3', 'Cy Dee', 'cy@example.org', true, 'south'],
      ['A4', 'Di Eve', 'di@example.org', true, 'south'],
    ]);
    const preview = await admin().call('previewRoll', { params: { id: 'local-9' }, json: { csv: next } });
    expect(preview).toMatchObject({ value: { valid: true, rows: 3, eligible: 3, changes: { added: 2, kept: 1, removed: 1, disqualified: 0 }, sharedEmails: [], sample: [{ memberNumber: 'A1', unit: 'north' }, {}, {}] } });
    expect((await server.engine.store.members.listMembers('local-9')).map((m) => m.memberNumber)).toEqual(['A1', 'A2']);
    // A removal needs its count typed back: missing or wrong, nothing changes.
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: next } })).toMatchObject({ status: 400, error: { code: 'removal_not_confirmed' } });
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: next, confirmRemovals: 2 } })).toMatchObject({ status: 400, error: { code: 'removal_not_confirmed' } });
    expect((await server.engine.store.members.listMembers('local-9')).map((m) => m.memberNumber)).toEqual(['A1', 'A2']);
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: next, confirmRemovals: 1 } })).toMatchObject({ value: { added: 2, kept: 1, removed: 1, disqualified: 0 } });
    expect((await server.engine.store.members.listMembers('local-9')).map((m) => m.memberNumber)).toEqual(['A1', 'A3', 'A4']);
    // Taking away good standing counts too; two member numbers on one address are flagged.
    const lapsed = rollCsv([
      ['A1', 'Ada Byron', 'ada@example.org', false, 'north'],
      ['A3', 'Cy Dee', 'home@example.org', true, 'south'],
      ['A4', 'Di Eve', 'HOME@example.org', true, 'south'],
    ]);
    expect(await admin().call('previewRoll', { params: { id: 'local-9' }, json: { csv: lapsed } })).toMatchObject({
      value: { changes: { removed: 0, disqualified: 1 }, sharedEmails: [{ email: 'home@example.org', memberNumbers: ['A3', 'A4'] }] },
    });
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: lapsed } })).toMatchObject({ error: { code: 'removal_not_confirmed' } });
    expect(await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: lapsed, confirmRemovals: 1 } })).toMatchObject({ value: { disqualified: 1, eligible: 2 } });
    // Each import is one audit entry with its counts (none for the refused attempts).
    const audit = (await server.engine.store.audit.listAudit({ fromSeq: 1, limit: 100 })).filter((e) => e.action === 'importRoll');
    expect(audit.map((e) => JSON.parse(e.details) as unknown)).toEqual([
      { union: 'local-9', added: 2, kept: 0, removed: 0, disqualified: 0, eligible: 1 },
      { union: 'local-9', added: 2, kept: 1, removed: 1, disqualified: 0, eligible: 3 },
      { union: 'local-9', added: 0, kept: 3, removed: 0, disqualified: 1, eligible: 2 },
    ]);
  });

  it('refuses an unknown union and a body without a csv', async () => {
    expect(await admin().call('previewRoll', { params: { id: 'nope' }, json: { csv: good } })).toMatchObject({ status: 404, error: { code: 'union_not_found' } });
    expect(await admin().call('importRoll', { params: { id: 'nope' }, json: { csv: good } })).toMatchObject({ status: 404, error: { code: 'union_not_found' } });
    expect(await admin().call('importRoll', { params: { id: 'nope' }, json: { file: good } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await admin().call('previewRoll', { params: { id: 'nope' }, text: 'member_number,name' })).toMatchObject({ status: 400, error: { code: 'invalid_json' } });
  });
});

describe('roll amendments after the freeze', () => {
  it('adds, challenges and removes with a reason, audited in order; refuses what does not apply', async () => {
    await seedScenario(server); // guild: G1–G3 on the frozen roll, G4 a member not in good standing
    const amend = (kind: string, memberNumber: string, reason = 'dues paid on the record date') =>
      admin().call('amendRoll', { params: { id: GUILD.voteId }, json: { kind, memberNumber, reason } });
    expect(await amend('added', 'G4')).toMatchObject({ status: 201, value: { voteId: GUILD.voteId, seq: 1, kind: 'added', memberNumber: 'G4', reason: 'dues paid on the record date' } });
    expect(await amend('added', 'G4')).toMatchObject({ status: 409, error: { code: 'already_on_roll' } });
    expect(await amend('added', 'G9')).toMatchObject({ status: 404, error: { code: 'member_not_found' } });
    expect(await amend('challenged', 'G2', 'left the unit')).toMatchObject({ status: 201, value: { seq: 2 } });
    expect(await amend('challenged', 'G2', 'again')).toMatchObject({ status: 409, error: { code: 'already_challenged' } });
    expect(await amend('removed', 'G1', '   ')).toMatchObject({ status: 400, error: { code: 'invalid_request', message: expect.stringContaining('reason') } });
    expect(await amend('removed', 'G1', 'resigned')).toMatchObject({ status: 201, value: { seq: 3 } });
    expect(await amend('removed', 'G1', 'twice')).toMatchObject({ status: 409, error: { code: 'not_on_roll' } });
    expect(await amend('expelled', 'G1')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    const events = await admin().call('listRollEvents', { params: { id: GUILD.voteId } });
    expect(events).toMatchObject({ status: 200, value: { frozenCount: 3, eligible: 2 } });
    expect(events.ok && events.value.events.map((e) => [e.seq, e.kind, e.memberNumber, e.by])).toEqual([[1, 'added', 'G4', 'ops-token'], [2, 'challenged', 'G2', 'ops-token'], [3, 'removed', 'G1', 'ops-token']]);
  });

  it('names who amended (the staff account), and refuses observers and trustees', async () => {
    // Administrators sign in with TOTP, which needs the server's secret key.
    const key = randomBytes(32);
    await server.close();
    server = await startServer({ secretKey: key });
    await seedScenario(server);
    const session = async (username: string, role: 'administrator' | 'observer' | 'trustee') => {
      const created = await createStaffAccount(server.engine.store, { username, password: STAFF_PASSWORD, role, secretKey: key });
      if (!created.ok) throw new Error(created.error);
      const secret = created.value.totpUri === null ? null : new URL(created.value.totpUri).searchParams.get('secret')!;
      const client = server.client();
      expect((await client.staff.login(username, STAFF_PASSWORD, secret === null ? undefined : totpCode(username, secret, server.clock.now()))).ok).toBe(true);
      return client;
    };
    const ada = await session('ada', 'administrator');
    const body = { kind: 'added', memberNumber: 'G4', reason: 'dues paid on the record date' };
    expect(await ada.call('amendRoll', { params: { id: GUILD.voteId }, json: body })).toMatchObject({ status: 201, value: { seq: 1, by: 'staff:ada' } });
    expect(await admin().call('amendRoll', { params: { id: GUILD.voteId }, json: { kind: 'removed', memberNumber: 'G1', reason: 'resigned' } })).toMatchObject({ status: 201, value: { seq: 2, by: 'ops-token' } });
    for (const [name, role] of [['olga', 'observer'], ['tom', 'trustee']] as const) {
      const other = await session(name, role);
      expect(await other.call('amendRoll', { params: { id: GUILD.voteId }, json: { ...body, memberNumber: 'G2', kind: 'challenged' } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
      expect(await other.call('listRollEvents', { params: { id: GUILD.voteId } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    }
    const events = await ada.call('listRollEvents', { params: { id: GUILD.voteId } });
    expect(events.ok && events.value.events.map((e) => [e.seq, e.memberNumber, e.by])).toEqual([[1, 'G4', 'staff:ada'], [2, 'G1', 'ops-token']]);
    expect(events).toMatchObject({ value: { frozenCount: 3, eligible: 3 } });
  });

  it('answers 404 for an unknown vote and 409 for a roll not frozen or locked after the result', async () => {
    expect(await admin().call('amendRoll', { params: { id: 'nope' }, json: { kind: 'added', memberNumber: 'G1', reason: 'x' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    expect(await admin().call('listRollEvents', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    await seedScenario(server);
    await server.engine.store.votes.createVote({ id: 'unfrozen', unionId: GUILD.unionId, manifest: '{}' });
    expect(await admin().call('amendRoll', { params: { id: 'unfrozen' }, json: { kind: 'added', memberNumber: 'G1', reason: 'x' } })).toMatchObject({ status: 409, error: { code: 'roll_not_frozen' } });
    expect(await admin().call('listRollEvents', { params: { id: 'unfrozen' } })).toMatchObject({ status: 409, error: { code: 'roll_not_frozen' } });
    for (const status of ['closed', 'tallied'] as const) await server.engine.store.votes.transitionVote(GUILD.voteId, status);
    expect(await admin().call('amendRoll', { params: { id: GUILD.voteId }, json: { kind: 'added', memberNumber: 'G4', reason: 'late' } })).toMatchObject({ status: 409, error: { code: 'roll_locked' } });
  });
});
