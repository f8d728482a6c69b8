// The Store: every persistence operation Ratify needs, split by concern into ports (ports/*.ts), each
// an async interface over domain types (never rows). A Store composes them, and `transaction` hands
// the same composition bound to one transaction, so an operation that spans concerns (a ballot and
// its board event, an action and its audit entry) commits or rolls back as one. Adapters (sql/ with
// sqlite/ and postgres/) implement it and are held to it by test/contract-suite.ts. Must not run
// crypto or business rules beyond the integrity rules the ports state.
import type { Result } from '@ratify/crypto';
import type { AuditLog } from './ports/audit.ts';
import type { BallotBox } from './ports/ballots.ts';
import type { BargainingStore } from './ports/bargaining.ts';
import type { BoardStore } from './ports/board.ts';
import type { CampaignStore } from './ports/campaigns.ts';
import type { DraftStore } from './ports/drafts.ts';
import type { FollowUpStore } from './ports/follow-ups.ts';
import type { MailStore } from './ports/mail.ts';
import type { MemberStore } from './ports/members.ts';
import type { RollStore } from './ports/rolls.ts';
import type { SignInStore } from './ports/sign-in.ts';
import type { StaffStore } from './ports/staff.ts';
import type { VoteStore } from './ports/votes.ts';

export type * from './ports/audit.ts';
export type * from './ports/ballots.ts';
export type * from './ports/bargaining.ts';
export type * from './ports/board.ts';
export type * from './ports/campaigns.ts';
export type * from './ports/drafts.ts';
export type * from './ports/follow-ups.ts';
export type * from './ports/mail.ts';
export type * from './ports/members.ts';
export type * from './ports/rolls.ts';
export type * from './ports/sign-in.ts';
export type * from './ports/staff.ts';
export type * from './ports/votes.ts';

/** The ports by concern. A new concern is a new port file, a new sql/ module and a new contract file. */
export interface StorePorts {
  readonly members: MemberStore;
  readonly votes: VoteStore;
  readonly drafts: DraftStore;
  readonly rolls: RollStore;
  readonly ballots: BallotBox;
  readonly board: BoardStore;
  readonly signIn: SignInStore;
  readonly staff: StaffStore;
  readonly audit: AuditLog;
  readonly mail: MailStore;
  readonly bargaining: BargainingStore;
  readonly campaigns: CampaignStore;
  readonly followUps: FollowUpStore;
}

export interface Store extends StorePorts {
  /**
   * Runs `fn` in one transaction: committed if it returns ok, rolled back if it returns an error or
   * throws. Inside, use only `tx` (and await its calls one by one); each call is a savepoint.
   */
  transaction<T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>): Promise<Result<T, E>>;
  close(): Promise<void>;
}
