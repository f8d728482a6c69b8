// Port: a vote's frozen roll, its audited amendments, and participation marks ("this member
// submitted a ballot", nothing more) with their turnout read models.
import type { Result } from '@ratify/crypto';

export interface FrozenRoll {
  readonly voteId: string;
  readonly unionId: string;
  /** ISO date (YYYY-MM-DD) whose membership the roll reflects. */
  readonly recordDate: string;
  readonly frozenAt: string;
  /** Entries snapshotted at freeze time (members in good standing). */
  readonly frozenCount: number;
}

export type RollEntryStatus = 'eligible' | 'removed' | 'challenged';

export interface RollEntry {
  readonly voteId: string;
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
  readonly voteId: string;
  readonly seq: number;
  readonly at: string;
}

/** Eligible roll entries and participation marks of one unit (null: no unit given). */
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
  freezeRoll(voteId: string, unionId: string, recordDate: string): Promise<Result<FrozenRoll, FreezeError>>;
  getRoll(voteId: string): Promise<FrozenRoll | null>;
  /** The only way to change a frozen roll: an audited event with a reason. */
  amendRoll(voteId: string, amendment: RollAmendment): Promise<Result<RollEvent, AmendError>>;
  listRollEntries(voteId: string): Promise<readonly RollEntry[]>;
  listRollEvents(voteId: string): Promise<readonly RollEvent[]>;
  getRollEntry(voteId: string, memberNumber: string): Promise<RollEntry | null>;
  /** Marks that this member submitted a ballot (idempotent); never which ballot, nor when. */
  markParticipation(voteId: string, memberNumber: string): Promise<void>;
  hasParticipated(voteId: string, memberNumber: string): Promise<boolean>;
  /** Who has voted (participation marks with their roll entry), by member number. */
  listParticipants(voteId: string): Promise<readonly Participant[]>;
  /** Per unit of the vote's roll: eligible entries and participation marks, by unit (null first). */
  turnoutByUnit(voteId: string): Promise<readonly UnitTurnout[]>;
}
