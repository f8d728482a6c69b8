// Contract: linked follow-up votes — a follow-up draft and its link are written together (all or
// nothing), one live start per parent question, a discarded draft (still in its ceremony) frees
// the follow-up to be started again, and a created vote's draft cannot be discarded.
import { describe, expect, it } from 'vitest';
import { expectOk, seedOpenVote, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';
import { asVoteId, asUnionId } from '@ratify/protocol';

const link = { parentVoteId: asVoteId('v1'), questionId: 'ratify', outcome: 'failed', startedBy: 'alice' };
const draft = (id: string) => ({ id: asVoteId(id), unionId: asUnionId('u1'), definition: `{"voteId":"${id}"}`, electionId: '0'.repeat(32) });

export function followUpContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('follow-up links', () => {
    it('starts a follow-up draft with its link, once per parent question', async () => {
      await seedOpenVote(t.store);
      const started = expectOk(await t.store.followUps.startFollowUpDraft(link, draft('v2')));
      expect(started.draft).toMatchObject({ id: 'v2', status: 'ceremony' });
      expect(started.link).toMatchObject({ ...link, childId: asVoteId('v2'), discardedAt: null });
      expect(await t.store.followUps.getFollowUpLinkTo(asVoteId('v2'))).toEqual(started.link);
      expect(await t.store.followUps.listFollowUpLinks(asVoteId('v1'))).toEqual([started.link]);
      expect(await t.store.followUps.startFollowUpDraft(link, draft('v3'))).toMatchObject({ ok: false, error: 'follow_up_already_started' });
      // Nothing of the refused start was written.
      expect(await t.store.drafts.getDraft(asVoteId('v3'))).toBeNull();
      expect(await t.store.followUps.getFollowUpLinkTo(asVoteId('v3'))).toBeNull();
      // Another question of the same parent is its own follow-up.
      expectOk(await t.store.followUps.startFollowUpDraft({ ...link, questionId: 'other' }, draft('v4')));
      expect((await t.store.followUps.listFollowUpLinks(asVoteId('v1'))).map((l) => l.childId)).toEqual(['v2', 'v4']);
    });

    it('writes nothing when the draft cannot be created', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.drafts.createDraft(draft('taken')));
      expect(await t.store.followUps.startFollowUpDraft(link, draft('taken'))).toMatchObject({ ok: false, error: 'duplicate_draft' });
      expect(await t.store.followUps.startFollowUpDraft(link, { ...draft('v2'), unionId: asUnionId('nope') })).toMatchObject({ ok: false, error: 'union_not_found' });
      expect(await t.store.followUps.listFollowUpLinks(asVoteId('v1'))).toEqual([]);
    });

    it('a discarded draft frees the follow-up; a created one cannot be discarded', async () => {
      await seedOpenVote(t.store);
      expectOk(await t.store.followUps.startFollowUpDraft(link, draft('v2')));
      expectOk(await t.store.drafts.addCeremonyMessage(asVoteId('v2'), { key: 'commitments/1', kind: 'commitments', author: 1, message: '{}' }));
      const discarded = expectOk(await t.store.followUps.discardFollowUpDraft(asVoteId('v2')));
      expect(discarded.discardedAt).not.toBeNull();
      expect(await t.store.drafts.getDraft(asVoteId('v2'))).toBeNull();
      expect(await t.store.drafts.listCeremonyMessages(asVoteId('v2'))).toEqual([]);
      expect(await t.store.followUps.getFollowUpLinkTo(asVoteId('v2'))).toBeNull();
      expect(await t.store.followUps.discardFollowUpDraft(asVoteId('v2'))).toMatchObject({ ok: false, error: 'not_a_follow_up' });
      // Started again, even under the same id; the history keeps both.
      expectOk(await t.store.followUps.startFollowUpDraft(link, draft('v2')));
      const history = (await t.store.followUps.listFollowUpLinks(asVoteId('v1'))).map((l) => `${l.childId}:${l.discardedAt === null ? 'live' : 'discarded'}`);
      expect(history.sort()).toEqual(['v2:discarded', 'v2:live']);
      expectOk(await t.store.drafts.markDraftCreated(asVoteId('v2')));
      expect(await t.store.followUps.discardFollowUpDraft(asVoteId('v2'))).toMatchObject({ ok: false, error: 'draft_already_created' });
      expect(await t.store.followUps.discardFollowUpDraft(asVoteId('nope'))).toMatchObject({ ok: false, error: 'not_a_follow_up' });
      // A vote created under a draft's id (before the draft was marked created) is never discarded.
      expectOk(await t.store.followUps.startFollowUpDraft({ ...link, questionId: 'q2' }, draft('v5')));
      expectOk(await t.store.votes.createVote({ id: asVoteId('v5'), unionId: asUnionId('u1'), manifest: '{"vote":"v5"}' }));
      expect(await t.store.followUps.discardFollowUpDraft(asVoteId('v5'))).toMatchObject({ ok: false, error: 'draft_already_created' });
      expect(await t.store.drafts.getDraft(asVoteId('v5'))).not.toBeNull();
    });
  });
}
