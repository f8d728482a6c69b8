// Port: vote drafts and their relayed key-ceremony messages (public, canonical JSON text byte for
// byte). Must not check ceremony messages (the server and crypto do).
import type { Result } from '@ratify/crypto';
import type { VoteId, UnionId } from '@ratify/protocol';

export type DraftStatus = 'ceremony' | 'created';

export interface NewDraft {
  /** The vote id the draft will become. */
  readonly id: VoteId;
  readonly unionId: UnionId;
  /** The validated definition (JSON text, owned and parsed again by the server). */
  readonly definition: string;
  /**
   * The random election id made when the draft was created (docs/protocol.md §M3), 32 lowercase
   * hex; the key ceremony run on the draft is bound to it.
   */
  readonly electionId: string;
}

export interface Draft extends Omit<NewDraft, 'electionId'> {
  /** Null only for drafts stored before protocol ratify/v2 (their ceremony is bound to the vote id alone). */
  readonly electionId: string | null;
  readonly status: DraftStatus;
  readonly createdAt: string;
  /** When the vote was created from it (status `created`), else null. */
  readonly voteCreatedAt: string | null;
}

export interface NewCeremonyMessage {
  /** Unique per draft: one message per (kind, author[, counterpart]). */
  readonly key: string;
  readonly kind: string;
  /** The trustee index (1-based) who wrote the message. */
  readonly author: number;
  /** The message's canonical JSON text, byte for byte. */
  readonly message: string;
}

export interface StoredCeremonyMessage extends NewCeremonyMessage {
  readonly draftId: VoteId;
  /** 1, 2, … in order of receipt. */
  readonly seq: number;
  readonly receivedAt: string;
}

export type CreateDraftError = 'union_not_found' | 'duplicate_draft';
export type DraftTransitionError = 'draft_not_found' | 'draft_already_created';
export type AddCeremonyMessageError = 'draft_not_found' | 'draft_already_created' | 'duplicate_message';

export interface DraftStore {
  createDraft(draft: NewDraft): Promise<Result<Draft, CreateDraftError>>;
  getDraft(id: VoteId): Promise<Draft | null>;
  /** Every draft, oldest first. */
  listDrafts(): Promise<readonly Draft[]>;
  /** ceremony → created, once (the vote now exists). */
  markDraftCreated(id: VoteId): Promise<Result<Draft, DraftTransitionError>>;
  /** Appends a public ceremony message to a draft still in its ceremony; keys are unique per draft. */
  addCeremonyMessage(draftId: VoteId, message: NewCeremonyMessage): Promise<Result<StoredCeremonyMessage, AddCeremonyMessageError>>;
  listCeremonyMessages(draftId: VoteId): Promise<readonly StoredCeremonyMessage[]>;
}
