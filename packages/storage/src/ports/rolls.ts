// Port: a vote's frozen roll, its audited amendments, and the turnout read models ("this member
// has a counted ballot", nothing more), derived from the ballot box and the private credential holders.
import type { Result } from '@ratify/crypto';
import type { VoteId, UnionId } from '@ratify/protocol';

export interface FrozenRoll {
  readonly voteId: VoteId;
  readonly unionId: UnionId;
  /** ISO date (YYYY-MM-DD) whose membership the roll reflects. */
  readonly recordDate: string;
  readonly frozenAt: string;
  /** Entries snapshotted at freeze time (members in good standing). */
  readonly frozenCount: number;
}

export type RollEntryStatus = 'eligible' | 'removed' | 'challenged';

export interface RollEntry {
  readonly voteId: VoteId;
  readonly memberNumber: string;
  readonly name: string;
  readonly email: string;
  readonly unit: string | null;
  readonly status: RollEntryStatus;
  readonly origin: 'frozen' | 'added';
}

export type RollAmendmentKind = 'added' | 'removed' | 'challenged';

/** A change to a frozen roll; `reason` is required and kept in the audit trail. */
export interface RollAmendment {
  readonly kind: RollAmendmentKind;
  readonly memberNumber: string;
  readonly reason: string;
}

export interface RollEvent extends RollAmendment {
  readonly voteId: VoteId;
  readonly seq: number;
  readonly at: string;
}

/** Eligible roll entries and members with a counted ballot, of one unit (null: no unit given). */
export interface UnitTurnout {
  readonly unit: string | null;
  readonly eligible: number;
  readonly voted: number;
}

/** A member who has submitted a ballot (never which one, nor when). */
export interface Participant {
  readonly memberNumber: string;
  readonly name: string | null;
  readonly unit: string | null;
}

export type FreezeError =
  'vote_not_found' | 'union_mismatch' | 'vote_not_draft' | 'roll_already_frozen' | 'invalid_record_date';
export type AmendError =
  | 'vote_not_found'
  | 'roll_not_frozen'
  | 'roll_locked'
  | 'missing_reason'
  | 'member_not_found'
  | 'already_on_roll'
  | 'not_on_roll'
  | 'already_challenged';

export interface RollStore {
  /** Snapshots the union's members in good standing as the vote's roll (vote must be draft). */
  freezeRoll(voteId: VoteId, unionId: UnionId, recordDate: string): Promise<Result<FrozenRoll, FreezeError>>;
  getRoll(voteId: VoteId): Promise<FrozenRoll | null>;
  /** The only way to change a frozen roll: an audited event with a reason. */
  amendRoll(voteId: VoteId, amendment: RollAmendment): Promise<Result<RollEvent, AmendError>>;
  listRollEntries(voteId: VoteId): Promise<readonly RollEntry[]>;
  listRollEvents(voteId: VoteId): Promise<readonly RollEvent[]>;
  getRollEntry(voteId: VoteId, memberNumber: string): Promise<RollEntry | null>;
  /**
   * Whether the member has a counted ballot: one cast with a credential issued to them that the
   * revote policy counts. Derived from the ballot box (one source of truth with the board).
   */
  hasParticipated(voteId: VoteId, memberNumber: string): Promise<boolean>;
  /** Who has voted (a counted ballot under a credential issued to them), with their roll entry, by member number. */
  listParticipants(voteId: VoteId): Promise<readonly Participant[]>;
  /** Per unit of the vote's roll: eligible entries and members with a counted ballot, by unit (null first). */
  turnoutByUnit(voteId: VoteId): Promise<readonly UnitTurnout[]>;
}
