// Contract: campaigns. A committee is a `campaign` staff account and its binding, made together or
// not at all; endorsement pages count their signatures, one per member per page, withdrawable;
// appeals are approved within the per-side quota in the same transaction that queues and links
// their messages (a refused approval queues nothing), and rejected with a reason.
import { describe, expect, it } from 'vitest';
import type { NewMailMessage, NewStaffAccount } from '../../src/index.ts';
import { FIXED_TIME, expectOk, seedOpenVote, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const T0 = FIXED_TIME.toISOString();

const account = (username: string, role: NewStaffAccount['role'] = 'campaign'): NewStaffAccount => ({
  id: `id-${username}`, username, role, passwordHash: `$argon2id$fake$${username}`, totpSecretEncrypted: null,
});

const appeal = (id: string, side: 'for' | 'against', committeeId = side === 'for' ? 'id-yes' : 'id-no') => ({
  id, voteId: 'v1', side, committeeId, committeeName: side === 'for' ? 'Yes committee' : 'No committee',
  subjectEn: `Subject ${id}`, bodyEn: `Body ${id}`, subjectEs: null, bodyEs: null,
});

const mails = (appealId: string, members: readonly string[]) => (): NewMailMessage[] =>
  members.map((m) => ({
    id: `${appealId}-${m}`, kind: 'campaign_appeal', voteId: 'v1', memberNumber: m, recipient: `${m}@example.org`,
    subject: 'S', sealedBody: 'sealed', notBefore: T0,
  }));

export function campaignsContract(factory: StoreFactory): void {
  const t = useStore(factory);

  async function committees(): Promise<void> {
    await seedOpenVote(t.store);
    expectOk(await t.store.campaigns.createCommittee({ voteId: 'v1', side: 'for', name: 'Yes committee', account: account('yes') }));
    expectOk(await t.store.campaigns.createCommittee({ voteId: 'v1', side: 'against', name: 'No committee', account: account('no') }));
  }

  describe('committees', () => {
    it('creates the campaign account and its binding together, and refuses bad ones whole', async () => {
      await seedOpenVote(t.store);
      const created = expectOk(await t.store.campaigns.createCommittee({ voteId: 'v1', side: 'for', name: 'Yes committee', account: account('yes') }));
      expect(created).toMatchObject({ staffId: 'id-yes', username: 'yes', voteId: 'v1', side: 'for', name: 'Yes committee', createdAt: T0, account: { role: 'campaign' } });
      expect(await t.store.campaigns.getCommittee('id-yes')).toEqual({ staffId: 'id-yes', username: 'yes', voteId: 'v1', side: 'for', name: 'Yes committee', createdAt: T0 });
      expect(await t.store.campaigns.createCommittee({ voteId: 'v1', side: 'against', name: 'X', account: { ...account('yes'), id: 'other' } })).toMatchObject({ ok: false, error: 'duplicate_username' });
      expect(await t.store.campaigns.createCommittee({ voteId: 'nope', side: 'against', name: 'X', account: account('x') })).toMatchObject({ ok: false, error: 'vote_not_found' });
      expect(await t.store.campaigns.createCommittee({ voteId: 'v1', side: 'against', name: 'X', account: account('admin', 'administrator') })).toMatchObject({ ok: false, error: 'not_campaign_role' });
      expect((await t.store.staff.listStaffAccounts()).map((a) => a.username)).toEqual(['yes']);
      expect((await t.store.campaigns.listCommittees('v1')).map((c) => c.username)).toEqual(['yes']);
      expect(await t.store.campaigns.getCommittee('other')).toBeNull();
    });

    it('accepts the campaign role at the database and still refuses unknown roles', async () => {
      expectOk(await t.store.staff.createStaffAccount(account('solo')));
      await expect(
        t.store.kysely.insertInto('staff_accounts').values({ id: 'x', username: 'x', role: 'root' as 'campaign', password_hash: 'h', totp_secret_encrypted: null, totp_last_step: null, created_at: T0 }).execute(),
      ).rejects.toThrow();
    });
  });

  describe('endorsement pages', () => {
    it('counts one signature per member per page, lists them in order, and lets a member withdraw', async () => {
      await seedOpenVote(t.store);
      const page = expectOk(await t.store.campaigns.createEndorsementPage({ id: 'p1', voteId: 'v1', side: 'for', title: 'Yes', statement: 'Because.', createdBy: 'staff:alice' }));
      expect(page).toEqual({ id: 'p1', voteId: 'v1', side: 'for', title: 'Yes', statement: 'Because.', createdBy: 'staff:alice', unionId: 'u1', createdAt: T0, count: 0 });
      expect(await t.store.campaigns.createEndorsementPage({ id: 'p1', voteId: 'v1', side: 'for', title: 'Y', statement: 'B', createdBy: 'x' })).toMatchObject({ ok: false, error: 'duplicate_page' });
      expect(await t.store.campaigns.createEndorsementPage({ id: 'p2', voteId: 'nope', side: 'for', title: 'Y', statement: 'B', createdBy: 'x' })).toMatchObject({ ok: false, error: 'vote_not_found' });
      expectOk(await t.store.campaigns.createEndorsementPage({ id: 'p3', voteId: 'v1', side: 'against', title: 'No', statement: 'Because not.', createdBy: 'staff:alice' }));

      expectOk(await t.store.campaigns.signEndorsement({ pageId: 'p1', unionId: 'u1', memberNumber: 'M1', shownName: 'Ana', role: 'Shop steward' }));
      expectOk(await t.store.campaigns.signEndorsement({ pageId: 'p1', unionId: 'u1', memberNumber: 'M2', shownName: 'Ben', role: null }));
      expect(await t.store.campaigns.signEndorsement({ pageId: 'p1', unionId: 'u1', memberNumber: 'M1', shownName: 'Ana again', role: null })).toMatchObject({ ok: false, error: 'already_signed' });
      expect(await t.store.campaigns.signEndorsement({ pageId: 'zz', unionId: 'u1', memberNumber: 'M1', shownName: 'Ana', role: null })).toMatchObject({ ok: false, error: 'page_not_found' });
      expectOk(await t.store.campaigns.signEndorsement({ pageId: 'p3', unionId: 'u1', memberNumber: 'M1', shownName: 'Ana', role: null }));

      expect((await t.store.campaigns.getEndorsementPage('p1'))?.count).toBe(2);
      expect((await t.store.campaigns.listEndorsementPages('v1')).map((p) => [p.id, p.count])).toEqual([['p1', 2], ['p3', 1]]);
      expect((await t.store.campaigns.listEndorsements('p1')).map((e) => [e.memberNumber, e.shownName, e.role])).toEqual([['M1', 'Ana', 'Shop steward'], ['M2', 'Ben', null]]);
      expect((await t.store.campaigns.listMemberEndorsements('u1', 'M1')).map((e) => e.pageId)).toEqual(['p1', 'p3']);

      expect(await t.store.campaigns.withdrawEndorsement('p1', 'u1', 'M1')).toBe(true);
      expect(await t.store.campaigns.withdrawEndorsement('p1', 'u1', 'M1')).toBe(false);
      expect((await t.store.campaigns.getEndorsementPage('p1'))?.count).toBe(1);
      // Withdrawn, the member may sign again.
      expectOk(await t.store.campaigns.signEndorsement({ pageId: 'p1', unionId: 'u1', memberNumber: 'M1', shownName: 'Ana', role: null }));
      expect(await t.store.campaigns.getEndorsementPage('zz')).toBeNull();
    });
  });

  describe('appeals', () => {
    it('approves within the per-side quota, queuing and linking the messages in the same transaction', async () => {
      await committees();
      expectOk(await t.store.campaigns.submitAppeal(appeal('a1', 'for')));
      expectOk(await t.store.campaigns.submitAppeal(appeal('a2', 'for')));
      expectOk(await t.store.campaigns.submitAppeal(appeal('b1', 'against')));
      expect(await t.store.campaigns.submitAppeal(appeal('a1', 'for'))).toMatchObject({ ok: false, error: 'duplicate_appeal' });
      expect(await t.store.campaigns.submitAppeal({ ...appeal('x', 'for'), voteId: 'nope' })).toMatchObject({ ok: false, error: 'vote_not_found' });
      expect((await t.store.campaigns.getAppeal('a1'))?.status).toBe('pending');

      const approved = expectOk(await t.store.campaigns.approveAppeal({ appealId: 'a1', decidedBy: 'staff:alice', quota: 1, messages: mails('a1', ['M1', 'M2', 'M3']) }));
      expect(approved).toMatchObject({ id: 'a1', status: 'approved', decidedBy: 'staff:alice', decidedAt: T0, recipients: 3 });
      expect(await t.store.campaigns.getAppeal('a1')).toEqual(approved);
      expect((await t.store.campaigns.listAppealDeliveries('a1')).map((d) => [d.memberNumber, d.status])).toEqual([['M1', 'queued'], ['M2', 'queued'], ['M3', 'queued']]);

      // Quota 1 for the side: a second approval for `for` is refused and queues nothing.
      expect(await t.store.campaigns.approveAppeal({ appealId: 'a2', decidedBy: 'staff:alice', quota: 1, messages: mails('a2', ['M1']) })).toMatchObject({ ok: false, error: 'appeal_quota_reached' });
      expect((await t.store.campaigns.getAppeal('a2'))?.status).toBe('pending');
      expect(await t.store.mail.listMail({ voteId: 'v1' })).toHaveLength(3);
      // The other side still has its own.
      expectOk(await t.store.campaigns.approveAppeal({ appealId: 'b1', decidedBy: 'staff:alice', quota: 1, messages: mails('b1', ['M1', 'M2', 'M3']) }));
      expect(await t.store.campaigns.approveAppeal({ appealId: 'a1', decidedBy: 'staff:alice', quota: 5, messages: mails('a1x', ['M1']) })).toMatchObject({ ok: false, error: 'appeal_not_pending' });
      expect(await t.store.campaigns.approveAppeal({ appealId: 'zz', decidedBy: 'staff:alice', quota: 5, messages: mails('z', ['M1']) })).toMatchObject({ ok: false, error: 'appeal_not_found' });
      expect((await t.store.campaigns.listAppeals('v1', 'for')).map((a) => [a.id, a.status])).toEqual([['a1', 'approved'], ['a2', 'pending']]);
      expect((await t.store.campaigns.listAppeals('v1')).map((a) => a.id)).toEqual(['a1', 'a2', 'b1']);
    });

    it('rolls back the approval when queuing its messages fails', async () => {
      await committees();
      expectOk(await t.store.campaigns.submitAppeal(appeal('a1', 'for')));
      const duplicateIds = () => mails('same', ['M1'])().concat(mails('same', ['M1'])());
      await expect(t.store.campaigns.approveAppeal({ appealId: 'a1', decidedBy: 'staff:alice', quota: 2, messages: duplicateIds })).rejects.toThrow();
      expect((await t.store.campaigns.getAppeal('a1'))?.status).toBe('pending');
      expect(await t.store.mail.listMail({})).toHaveLength(0);
      expect(await t.store.campaigns.listAppealDeliveries('a1')).toEqual([]);
    });

    it('rejects a pending appeal with a reason, once', async () => {
      await committees();
      expectOk(await t.store.campaigns.submitAppeal(appeal('b1', 'against')));
      expect(expectOk(await t.store.campaigns.rejectAppeal('b1', 'staff:alice', 'Names a member without consent'))).toMatchObject({ status: 'rejected', rejectReason: 'Names a member without consent', decidedBy: 'staff:alice', recipients: null });
      expect(await t.store.campaigns.rejectAppeal('b1', 'staff:alice', 'again')).toMatchObject({ ok: false, error: 'appeal_not_pending' });
      expect(await t.store.campaigns.rejectAppeal('zz', 'staff:alice', 'x')).toMatchObject({ ok: false, error: 'appeal_not_found' });
    });
  });
}
