// The Store's linked-follow-up part (spread into Store in port.ts): the link from a published vote's
// triggered follow-up to the draft an administrator started from it. Starting writes the draft and
// the link in one transaction; discarding removes the draft (still in its ceremony) and marks the
// link, so the follow-up may be started again. Must not judge outcomes (the server does).
import type { Result } from '@ratify/crypto';
import type { Draft, NewDraft } from './drafts.ts';

export interface NewFollowUpLink {
  readonly parentVoteId: string;
  readonly questionId: string;
  /** The declared outcome whose follow-up was started (manifest followUps[].outcome). */
  readonly outcome: string;
  /** Who started it (staff username, or `ops-token`). */
  readonly startedBy: string;
}

export interface FollowUpLink extends NewFollowUpLink {
  /** The draft (and later the vote: same id) that follows. */
  readonly childId: string;
  readonly startedAt: string;
  readonly discardedAt: string | null;
}

export type StartFollowUpError = 'union_not_found' | 'duplicate_draft' | 'follow_up_already_started';
export type DiscardFollowUpError = 'draft_not_found' | 'draft_already_created' | 'not_a_follow_up';

export interface FollowUpStore {
  /** Creates `draft` and links it to the parent's question, atomically; one live link per parent question. */
  startFollowUpDraft(link: NewFollowUpLink, draft: NewDraft): Promise<Result<{ readonly draft: Draft; readonly link: FollowUpLink }, StartFollowUpError>>;
  /** Every link from `parentVoteId` (discarded ones too), oldest first. */
  listFollowUpLinks(parentVoteId: string): Promise<readonly FollowUpLink[]>;
  /** The live link whose child is `childId` (a draft or the vote created from it), or null. */
  getFollowUpLinkTo(childId: string): Promise<FollowUpLink | null>;
  /** Deletes a follow-up draft still in its ceremony, with no vote under its id (and its ceremony messages), and marks its link discarded. */
  discardFollowUpDraft(childId: string): Promise<Result<FollowUpLink, DiscardFollowUpError>>;
}
