// Contract: the outgoing mail queue — enqueue all or nothing, claim due messages once (oldest
// first, bounded), outcomes with a delivery log, bodies blanked on every final outcome, stale
// claims requeued, member language kept through a roll import.
import { describe, expect, it } from 'vitest';
import type { NewMailMessage } from '../../src/index.ts';
import { expectOk, member, seedOpenVote, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const T0 = '2026-11-26T12:00:00.000Z';
const T1 = '2026-11-26T12:01:00.000Z';
const T2 = '2026-11-26T12:02:00.000Z';

const message = (n: number, overrides: Partial<NewMailMessage> = {}): NewMailMessage => ({
  id: `msg-${String(n).padStart(3, '0')}`,
  kind: 'reminder',
  voteId: 'v1',
  memberNumber: `M${n}`,
  recipient: `member${n}@example.org`,
  subject: `Subject ${n}`,
  sealedBody: `sealed-${n}`,
  notBefore: T0,
  ...overrides,
});

export function mailContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('mail queue', () => {
    it('enqueues with a queued event and claims due messages once, oldest first, up to the limit', async () => {
      await seedOpenVote(t.store);
      expect(await t.store.mail.enqueueMail([message(1), message(2), message(3), message(4, { notBefore: T2 })])).toBe(4);
      expect(await t.store.mail.listMailEvents('msg-001')).toEqual([{ messageId: 'msg-001', seq: 0, kind: 'queued', detail: null, at: expect.any(String) }]);
      const first = await t.store.mail.claimDueMail(T1, 2);
      expect(first.map((m) => [m.id, m.status, m.attempts, m.sealedBody])).toEqual([
        ['msg-001', 'sending', 1, 'sealed-1'],
        ['msg-002', 'sending', 1, 'sealed-2'],
      ]);
      expect((await t.store.mail.claimDueMail(T1, 10)).map((m) => m.id)).toEqual(['msg-003']);
      expect(await t.store.mail.claimDueMail(T1, 10)).toEqual([]);
      expect((await t.store.mail.claimDueMail(T2, 10)).map((m) => m.id)).toEqual(['msg-004']);
      expect(await t.store.mail.claimDueMail(T2, 0)).toEqual([]);
    });

    it('records outcomes: sent, failed and bounced blank the body; retry requeues it for later', async () => {
      await seedOpenVote(t.store);
      await t.store.mail.enqueueMail([message(1), message(2), message(3), message(4)]);
      await t.store.mail.claimDueMail(T0, 4);
      expect(await t.store.mail.recordMailOutcome('msg-001', { kind: 'sent' }, T1)).toBe(true);
      expect(await t.store.mail.recordMailOutcome('msg-001', { kind: 'sent' }, T1)).toBe(false);
      expect(await t.store.mail.recordMailOutcome('msg-002', { kind: 'failed', reason: '554 no' }, T1)).toBe(true);
      expect(await t.store.mail.recordMailOutcome('msg-003', { kind: 'bounced', reason: '550 unknown user' }, T1)).toBe(true);
      expect(await t.store.mail.recordMailOutcome('msg-004', { kind: 'retry', reason: '451 later', nextAttemptAt: T2 }, T1)).toBe(true);
      const byId = new Map((await t.store.mail.listMail({ voteId: 'v1' })).map((m) => [m.id, m]));
      expect(byId.get('msg-001')).toMatchObject({ status: 'sent', sealedBody: null, lastError: null, attempts: 1 });
      expect(byId.get('msg-002')).toMatchObject({ status: 'failed', sealedBody: null, lastError: '554 no' });
      expect(byId.get('msg-003')).toMatchObject({ status: 'bounced', sealedBody: null, lastError: '550 unknown user' });
      expect(byId.get('msg-004')).toMatchObject({ status: 'queued', sealedBody: 'sealed-4', nextAttemptAt: T2, lastError: '451 later' });
      expect(await t.store.mail.claimDueMail(T1, 10)).toEqual([]);
      expect((await t.store.mail.claimDueMail(T2, 10)).map((m) => [m.id, m.attempts])).toEqual([['msg-004', 2]]);
      expect((await t.store.mail.listMailEvents('msg-004')).map((e) => [e.seq, e.kind, e.detail])).toEqual([
        [0, 'queued', null],
        [1, 'retry', '451 later'],
      ]);
      expect((await t.store.mail.listMailEvents('msg-003')).map((e) => e.kind)).toEqual(['queued', 'bounced']);
      expect((await t.store.mail.listMail({ status: 'failed' })).map((m) => m.id)).toEqual(['msg-002']);
      expect(await t.store.mail.listMail({ kind: 'credential' })).toEqual([]);
      expect(await t.store.mail.getMailMessage('nope')).toBeNull();
    });

    it('requeues messages whose sender stopped mid-attempt, and enqueues all or nothing', async () => {
      await seedOpenVote(t.store);
      await t.store.mail.enqueueMail([message(1)]);
      await t.store.mail.claimDueMail(T0, 1);
      expect(await t.store.mail.requeueStaleMail(T0, T1)).toBe(0);
      expect(await t.store.mail.requeueStaleMail(T2, T2)).toBe(1);
      expect(await t.store.mail.getMailMessage('msg-001')).toMatchObject({ status: 'queued', sealedBody: 'sealed-1' });
      await expect(t.store.mail.enqueueMail([message(2), message(1)])).rejects.toThrow();
      expect(await t.store.mail.getMailMessage('msg-002')).toBeNull();
    });

    it('keeps a member language through a roll import (absent means English)', async () => {
      expectOk(await t.store.members.createUnion({ id: 'u1', name: 'Union u1' }));
      expectOk(await t.store.members.importRoll('u1', [member(1, { language: 'es' }), member(2)]));
      const members = await t.store.members.listMembers('u1');
      expect(members.map((m) => m.language)).toEqual(['es', undefined]);
      expect('language' in members[1]!).toBe(false);
    });
  });
}
