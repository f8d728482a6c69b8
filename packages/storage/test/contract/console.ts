// Contract: the admin console's state — union counts, dual members by email, drafts and their
// ceremony messages (ordered, unique per key, closed once the vote exists), the scheduler's jobs
// (due, done, failed and retried) and the turnout read models (per hour, per unit, who voted).
import { describe, expect, it } from 'vitest';
import { ballot, credentialHex, expectOk, member, seedUnion, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';
import { asVoteId, asUnionId } from '@ratify/protocol';

const message = (author: number, kind = 'commitments', key = `${kind}/${author}`) => ({ key, kind, author, message: `{"kind":"${kind}","trustee":${author}}` });

export function consoleContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('unions and dual members', () => {
    it('lists unions with member and eligible counts, and finds members by emails across unions', async () => {
      await seedUnion(t.store, 'u1', 8); // M4 and M8 not in good standing
      expectOk(await t.store.members.createUnion({ id: asUnionId('u0'), name: 'Empty' }));
      expect(await t.store.members.listUnions()).toEqual([
        { id: 'u0', name: 'Empty', members: 0, eligible: 0 },
        { id: 'u1', name: 'Union u1', members: 8, eligible: 6 },
      ]);
      expect((await t.store.members.findMembersByEmails(['member2@example.org', 'nobody@example.org', 'member2@example.org'])).map((m) => [m.unionId, m.memberNumber])).toEqual([['u1', 'M2']]);
      expect(await t.store.members.findMembersByEmails([])).toEqual([]);
    });
  });

  describe('drafts and ceremony messages', () => {
    it('creates a draft once, for a known union, and keeps its definition text', async () => {
      await seedUnion(t.store);
      const draft = expectOk(await t.store.drafts.createDraft({ id: asVoteId('v1'), unionId: asUnionId('u1'), definition: '{"voteId":"v1"}', electionId: 'e1' + '0'.repeat(30) }));
      expect(draft).toMatchObject({ id: 'v1', unionId: asUnionId('u1'), definition: '{"voteId":"v1"}', electionId: 'e1' + '0'.repeat(30), status: 'ceremony', voteCreatedAt: null });
      expect(await t.store.drafts.getDraft(asVoteId('v1'))).toEqual(draft);
      expect(await t.store.drafts.createDraft({ id: asVoteId('v1'), unionId: asUnionId('u1'), definition: '{}', electionId: '0'.repeat(32) })).toMatchObject({ ok: false, error: 'duplicate_draft' });
      expect(await t.store.drafts.createDraft({ id: asVoteId('v2'), unionId: asUnionId('nope'), definition: '{}', electionId: '0'.repeat(32) })).toMatchObject({ ok: false, error: 'union_not_found' });
      expect(await t.store.drafts.getDraft(asVoteId('v2'))).toBeNull();
      expect((await t.store.drafts.listDrafts()).map((d) => d.id)).toEqual(['v1']);
    });

    it('appends messages in order, refuses a second message with the same key, and closes with the draft', async () => {
      await seedUnion(t.store);
      expectOk(await t.store.drafts.createDraft({ id: asVoteId('v1'), unionId: asUnionId('u1'), definition: '{}', electionId: '0'.repeat(32) }));
      expect(expectOk(await t.store.drafts.addCeremonyMessage(asVoteId('v1'), message(2)))).toMatchObject({ draftId: asVoteId('v1'), seq: 1, author: 2, kind: 'commitments' });
      expect(await t.store.drafts.addCeremonyMessage(asVoteId('v1'), message(2))).toMatchObject({ ok: false, error: 'duplicate_message' });
      // The refused message left no gap: sequence numbers stay contiguous.
      expect(expectOk(await t.store.drafts.addCeremonyMessage(asVoteId('v1'), message(1))).seq).toBe(2);
      expect((await t.store.drafts.listCeremonyMessages(asVoteId('v1'))).map((m) => [m.seq, m.author, m.message])).toEqual([
        [1, 2, '{"kind":"commitments","trustee":2}'],
        [2, 1, '{"kind":"commitments","trustee":1}'],
      ]);
      expect(await t.store.drafts.addCeremonyMessage(asVoteId('nope'), message(1))).toMatchObject({ ok: false, error: 'draft_not_found' });
      expect(expectOk(await t.store.drafts.markDraftCreated(asVoteId('v1')))).toMatchObject({ status: 'created' });
      expect((await t.store.drafts.getDraft(asVoteId('v1')))?.voteCreatedAt).not.toBeNull();
      expect(await t.store.drafts.markDraftCreated(asVoteId('v1'))).toMatchObject({ ok: false, error: 'draft_already_created' });
      expect(await t.store.drafts.markDraftCreated(asVoteId('nope'))).toMatchObject({ ok: false, error: 'draft_not_found' });
      expect(await t.store.drafts.addCeremonyMessage(asVoteId('v1'), message(3))).toMatchObject({ ok: false, error: 'draft_already_created' });
      expect(await t.store.drafts.listCeremonyMessages(asVoteId('v1'))).toHaveLength(2);
    });
  });

  describe('scheduler jobs', () => {
    it('lists jobs as they fall due, forgets done ones and keeps failed ones due', async () => {
      await seedUnion(t.store);
      expectOk(await t.store.votes.createVote({ id: asVoteId('v1'), unionId: asUnionId('u1'), manifest: '{}' }));
      const entry = { voteId: asVoteId('v1'), opensAt: '2026-12-01T09:00:00.000Z', closesAt: '2026-12-03T17:00:00.000Z' };
      expect(expectOk(await t.store.votes.scheduleVote(entry))).toEqual({ ...entry, openedAt: null, closedAt: null, lastError: null });
      expect(await t.store.votes.scheduleVote(entry)).toMatchObject({ ok: false, error: 'already_scheduled' });
      expect(await t.store.votes.scheduleVote({ ...entry, voteId: asVoteId('nope') })).toMatchObject({ ok: false, error: 'vote_not_found' });
      expect(await t.store.votes.listDueJobs('2026-12-01T08:59:59.999Z')).toEqual([]);
      expect(await t.store.votes.listDueJobs('2026-12-01T09:00:00.000Z')).toEqual([{ voteId: asVoteId('v1'), job: 'open', dueAt: entry.opensAt }]);
      await t.store.votes.recordJobRun(asVoteId('v1'), 'open', '2026-12-01T09:00:05.000Z', 'no_credentials');
      expect(await t.store.votes.getSchedule(asVoteId('v1'))).toMatchObject({ openedAt: null, lastError: '2026-12-01T09:00:05.000Z open: no_credentials' });
      expect(await t.store.votes.listDueJobs('2026-12-01T09:01:00.000Z')).toHaveLength(1);
      await t.store.votes.recordJobRun(asVoteId('v1'), 'open', '2026-12-01T09:01:00.000Z', null);
      expect(await t.store.votes.getSchedule(asVoteId('v1'))).toMatchObject({ openedAt: '2026-12-01T09:01:00.000Z', lastError: null });
      expect(await t.store.votes.listDueJobs('2026-12-02T00:00:00.000Z')).toEqual([]);
      expect(await t.store.votes.listDueJobs('2026-12-04T00:00:00.000Z')).toEqual([{ voteId: asVoteId('v1'), job: 'close', dueAt: entry.closesAt }]);
      await t.store.votes.recordJobRun(asVoteId('v1'), 'close', '2026-12-04T00:00:00.000Z', null);
      expect(await t.store.votes.listDueJobs('2027-01-01T00:00:00.000Z')).toEqual([]);
      expect(await t.store.votes.getSchedule(asVoteId('nope'))).toBeNull();
    });
  });

  describe('turnout read models', () => {
    it('counts ballots per hour, eligible and voted per unit, and lists who voted without any ballot data', async () => {
      expectOk(await t.store.members.createUnion({ id: asUnionId('u1'), name: 'Union' }));
      const units = ['north', 'north', 'south', null, 'south'];
      expectOk(await t.store.members.importRoll(asUnionId('u1'), units.map((unit, i) => member(i + 1, { unit }))));
      expectOk(await t.store.votes.createVote({ id: asVoteId('v1'), unionId: asUnionId('u1'), manifest: '{}' }));
      expectOk(await t.store.rolls.freezeRoll(asVoteId('v1'), asUnionId('u1'), '2026-11-01'));
      expectOk(await t.store.ballots.addCredentials(asVoteId('v1'), [credentialHex(1), credentialHex(2)]));
      expectOk(await t.store.votes.transitionVote(asVoteId('v1'), 'open'));
      expect(await t.store.ballots.ballotsByHour(asVoteId('v1'))).toEqual([]);
      expectOk(await t.store.ballots.linkHolders(asVoteId('v1'), [{ credential: credentialHex(1), memberNumber: 'M1' }, { credential: credentialHex(2), memberNumber: 'M3' }]));
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(1, 1), 'last_counts'));
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(2, 2), 'last_counts'));
      // A revote does not make a second voter.
      expectOk(await t.store.ballots.castBallot(asVoteId('v1'), ballot(3, 1), 'last_counts'));
      // The fixture store's clock is fixed: every ballot falls in one hour.
      expect(await t.store.ballots.ballotsByHour(asVoteId('v1'))).toEqual([{ hour: '2026-11-26T12:00:00.000Z', ballots: 3 }]);
      expect(await t.store.rolls.turnoutByUnit(asVoteId('v1'))).toEqual([
        { unit: null, eligible: 1, voted: 0 },
        { unit: 'north', eligible: 2, voted: 1 },
        { unit: 'south', eligible: 2, voted: 1 },
      ]);
      expect(await t.store.rolls.listParticipants(asVoteId('v1'))).toEqual([
        { memberNumber: 'M1', name: 'Member 1', unit: 'north' },
        { memberNumber: 'M3', name: 'Member 3', unit: 'south' },
      ]);
      expect(await t.store.rolls.listParticipants(asVoteId('nope'))).toEqual([]);
    });
  });
}
