// The Store port: every persistence operation Ratify needs, as an async interface taking and
// returning domain types (never rows). Adapters (sql/ + sqlite/, later postgres/) implement it and
// are held to it by test/contract-suite.ts. Must not run crypto or business rules beyond the
// integrity rules stated here (vote status transitions, one counted ballot per credential).
import type { Result } from '@ratify/crypto';
import type { StaffSecurityStore } from './port-staff-security.ts';
import type { BargainingStore } from './bargaining-port.ts';
import type { CampaignStore } from './campaigns-port.ts';
import type { FollowUpStore } from './port-follow-ups.ts';

export type * from './port-follow-ups.ts';

export type VoteStatus = 'draft' | 'open' | 'closed' | 'tallied' | 'published';
export type RevotePolicy = 'last_counts' | 'first_counts';

export interface Union {
  readonly id: string;
  readonly name: string;
}

/** One roll row as imported; @ratify/protocol's RollRow (from parseRollCsv) is assignable to it. */
export interface MemberRecord {
  readonly memberNumber: string;
  readonly name: string;
  readonly email: string;
  readonly goodStanding: boolean;
  readonly unit: string | null;
  /** Preferred language for messages (e.g. `es`); absent: English. */
  readonly language?: string;
}

export interface Member extends MemberRecord {
  readonly unionId: string;
}

/** The same person (by email) on the rolls of two unions: one ballot per union. */
export interface DualMember {
  readonly email: string;
  readonly first: Member;
  readonly second: Member;
}

export interface ImportSummary {
  readonly added: number;
  readonly kept: number;
  readonly removed: number;
  readonly eligible: number;
}

export interface NewVote {
  readonly id: string;
  readonly unionId: string;
  /** The manifest's canonical JSON text, stored byte for byte. */
  readonly manifest: string;
}

export interface Vote extends NewVote {
  readonly status: VoteStatus;
  readonly createdAt: string;
}

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

export interface Credential {
  readonly voteId: string;
  /** Public credential, lower-case hex. */
  readonly credential: string;
  readonly revoked: boolean;
  readonly revokedReason: string | null;
  readonly revokedAt: string | null;
}

export interface BallotSubmission {
  readonly credential: string;
  readonly trackingCode: string;
  /** The ballot's canonical JSON text, stored byte for byte. */
  readonly ballot: string;
}

export interface StoredBallot extends BallotSubmission {
  readonly voteId: string;
  readonly sequence: number;
  readonly receivedAt: string;
  readonly counted: boolean;
}

export interface CastReceipt {
  readonly sequence: number;
  readonly trackingCode: string;
  readonly receivedAt: string;
  /** false under `first_counts` when the credential already has a counted ballot. */
  readonly counted: boolean;
  /** Under `last_counts`: the tracking code of the ballot this one replaced. */
  readonly supersededTrackingCode: string | null;
}

export interface BoardEventInput {
  readonly kind: string;
  /** Canonical JSON text. */
  readonly payload: string;
}

export interface BoardEvent extends BoardEventInput {
  readonly voteId: string;
  /** 0 for the first event of a vote, then contiguous. */
  readonly seq: number;
  /** null for the first event of a vote. */
  readonly prevHash: string | null;
  readonly hash: string;
  readonly createdAt: string;
}

export interface BoardHead {
  readonly seq: number;
  readonly hash: string;
}

export interface HashInput extends BoardEventInput {
  readonly prevHash: string | null;
  readonly seq: number;
}

/** Pure function from the protocol that chains board events; must return lower-case hex. */
export type ComputeHash = (input: HashInput) => string;

export interface BallotCounts {
  /** Every ballot accepted, superseded ones included. */
  readonly accepted: number;
  /** Ballots that count (one per credential at most). */
  readonly counted: number;
}

/** A ballot as the public board lists it: no credential, no contents. */
export interface BoardBallot {
  readonly sequence: number;
  readonly trackingCode: string;
  readonly counted: boolean;
}

export interface BoardBallotQuery {
  /** Lower-case hex prefix of the tracking code. */
  readonly prefix?: string;
  /** First sequence to return (inclusive). */
  readonly fromSequence?: number;
  readonly limit: number;
}

/** Who a one-time code or a session belongs to: one member of one union. */
export interface SignInSubject {
  readonly unionId: string;
  readonly memberNumber: string;
}

export interface NewLoginCode extends SignInSubject {
  readonly id: string;
  /** A keyed hash of the code (the server's pepper); never the code. */
  readonly codeHash: string;
  readonly expiresAt: string;
}

export interface NewSession extends SignInSubject {
  /** SHA-256 of the session token; never the token. */
  readonly tokenHash: string;
  readonly expiresAt: string;
}

export interface Session extends SignInSubject {
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface PruneSummary {
  readonly codes: number;
  readonly sessions: number;
  readonly rateLimits: number;
}

// --- Outgoing mail (the notifications pipeline) ---
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced';
export type MailEventKind = 'queued' | 'sent' | 'retry' | 'failed' | 'bounced' | 'requeued';

export interface NewMailMessage {
  readonly id: string;
  /** What the message is for (credential, reminder, result, ...): delivery metadata, kept after sending. */
  readonly kind: string;
  readonly voteId: string | null;
  readonly memberNumber: string | null;
  readonly recipient: string;
  readonly subject: string;
  /** The body as sealed by the caller (encrypted); the store never sees a body in clear. */
  readonly sealedBody: string;
  /** Not sent before this time (ISO 8601). */
  readonly notBefore: string;
}

export interface MailMessageRecord {
  readonly id: string;
  readonly kind: string;
  readonly voteId: string | null;
  readonly memberNumber: string | null;
  readonly recipient: string;
  readonly subject: string;
  /** null once the message was sent or given up: only the delivery metadata remains. */
  readonly sealedBody: string | null;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface MailEvent {
  readonly messageId: string;
  readonly seq: number;
  readonly kind: MailEventKind;
  readonly detail: string | null;
  readonly at: string;
}

/** How one delivery attempt ended; every outcome but `retry` is final and blanks the body. */
export type MailOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retry'; readonly reason: string; readonly nextAttemptAt: string }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'bounced'; readonly reason: string };

export interface MailQuery {
  readonly voteId?: string;
  readonly kind?: string;
  readonly status?: MailStatus;
}

// --- Admin console: drafts and their key ceremony, the vote scheduler, turnout dashboards ---

/** A union with its roll's size. */
export interface UnionSummary extends Union {
  readonly members: number;
  readonly eligible: number;
}

export type DraftStatus = 'ceremony' | 'created';

export interface NewDraft {
  /** The vote id the draft will become. */
  readonly id: string;
  readonly unionId: string;
  /** The validated definition (JSON text, owned and parsed again by the server). */
  readonly definition: string;
}

export interface Draft extends NewDraft {
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
  readonly draftId: string;
  /** 1, 2, … in order of receipt. */
  readonly seq: number;
  readonly receivedAt: string;
}

export type ScheduledJob = 'open' | 'close';

export interface NewScheduleEntry {
  readonly voteId: string;
  /** ISO 8601 instants as Date.toISOString() writes them (so text order is time order). */
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface ScheduleEntry extends NewScheduleEntry {
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly lastError: string | null;
}

export interface DueJob {
  readonly voteId: string;
  readonly job: ScheduledJob;
  readonly dueAt: string;
}

/** Accepted ballots per hour of receipt: counts only. `hour` is `YYYY-MM-DDTHH:00:00.000Z`. */
export interface HourlyBallots {
  readonly hour: string;
  readonly ballots: number;
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

export type CreateDraftError = 'union_not_found' | 'duplicate_draft';
export type DraftTransitionError = 'draft_not_found' | 'draft_already_created';
export type AddCeremonyMessageError = 'draft_not_found' | 'draft_already_created' | 'duplicate_message';
export type ScheduleError = 'vote_not_found' | 'already_scheduled';

export type CreateUnionError = 'duplicate_union';
export type ImportRollError = 'union_not_found' | 'duplicate_member';
export type CreateVoteError = 'union_not_found' | 'duplicate_vote';
export type TransitionError = 'vote_not_found' | 'invalid_transition';
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
export type AddCredentialsError = 'vote_not_found' | 'invalid_credential' | 'duplicate_credential';
export type RevokeError = 'vote_not_found' | 'unknown_credential' | 'already_revoked' | 'missing_reason';
export type CastError =
  'vote_not_found' | 'vote_closed' | 'unknown_credential' | 'credential_revoked' | 'duplicate_ballot';
export type AppendError = 'vote_not_found';

// --- Staff accounts, staff sessions, audit log ---

/** `campaign`: a campaign committee's account, bound to one vote and side (campaigns-port.ts). */
export type StaffRole = 'administrator' | 'trustee' | 'observer' | 'campaign';

export interface NewStaffAccount {
  readonly id: string;
  /** Lower-case, unique. */
  readonly username: string;
  readonly role: StaffRole;
  /** An argon2id PHC string; never the password. */
  readonly passwordHash: string;
  /** The TOTP secret encrypted under the server key (AES-256-GCM); null when the role has no TOTP. */
  readonly totpSecretEncrypted: string | null;
}

export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
  readonly createdAt: string;
}

/** An account with its verifiers, for sign-in only (never returned over HTTP). */
export interface StaffCredentials extends StaffAccount {
  readonly passwordHash: string;
  readonly totpSecretEncrypted: string | null;
  /** The last TOTP time step accepted (replay protection); null if none yet. */
  readonly totpLastStep: number | null;
}

export interface NewStaffSession {
  /** SHA-256 of the session token; never the token. */
  readonly tokenHash: string;
  readonly staffId: string;
  /** SHA-256 of the session's CSRF token; never the token. */
  readonly csrfHash: string;
  readonly expiresAt: string;
}

export interface StaffSession {
  readonly account: StaffAccount;
  readonly csrfHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface NewAuditEntry {
  /** Who: `staff:<username>` or `ops-token`. */
  readonly actor: string;
  /** What: the route or command name. */
  readonly action: string;
  /** Which vote, when the action concerns one. */
  readonly voteId: string | null;
  /** Canonical-enough JSON text of the action's parameters (no secrets). */
  readonly details: string;
}

export interface AuditEntry extends NewAuditEntry {
  /** 1 for the first entry, then contiguous. */
  readonly seq: number;
  /** When (the store's clock). */
  readonly at: string;
}

export interface AuditQuery {
  readonly voteId?: string;
  /** First seq to return (inclusive). */
  readonly fromSeq?: number;
  readonly limit: number;
}

export type CreateStaffError = 'duplicate_username';

export interface Store extends StaffSecurityStore, BargainingStore, CampaignStore, FollowUpStore {
  createUnion(union: Union): Promise<Result<Union, CreateUnionError>>;
  getUnion(id: string): Promise<Union | null>;
  /** Replaces the union's membership with `rows`, all or nothing. */
  importRoll(unionId: string, rows: readonly MemberRecord[]): Promise<Result<ImportSummary, ImportRollError>>;
  listMembers(unionId: string): Promise<readonly Member[]>;
  /** Members of both unions with the same email, ordered by email. */
  listDualMembers(firstUnionId: string, secondUnionId: string): Promise<readonly DualMember[]>;

  createVote(vote: NewVote): Promise<Result<Vote, CreateVoteError>>;
  getVote(id: string): Promise<Vote | null>;
  /** draft → open → closed → tallied → published, one step at a time. */
  transitionVote(id: string, to: VoteStatus): Promise<Result<Vote, TransitionError>>;

  /** Snapshots the union's members in good standing as the vote's roll (vote must be draft). */
  freezeRoll(voteId: string, unionId: string, recordDate: string): Promise<Result<FrozenRoll, FreezeError>>;
  getRoll(voteId: string): Promise<FrozenRoll | null>;
  /** The only way to change a frozen roll: an audited event with a reason. */
  amendRoll(voteId: string, amendment: RollAmendment): Promise<Result<RollEvent, AmendError>>;
  listRollEntries(voteId: string): Promise<readonly RollEntry[]>;
  listRollEvents(voteId: string): Promise<readonly RollEvent[]>;

  /** Adds public credentials (lower-case hex, unique per vote), all or nothing; returns how many. */
  addCredentials(
    voteId: string,
    credentials: readonly string[],
  ): Promise<Result<number, AddCredentialsError>>;
  /** Revokes a credential; its ballots stop counting (run inside a transaction with the replacement). */
  revokeCredential(
    voteId: string,
    credential: string,
    reason: string,
  ): Promise<Result<Credential, RevokeError>>;
  listCredentials(voteId: string): Promise<readonly Credential[]>;
  /** One public credential of a vote (lower-case hex), or null if it is not on the list. */
  getCredential(voteId: string, credential: string): Promise<Credential | null>;

  /** In one transaction: vote open, credential listed and not revoked, revote policy applied. */
  castBallot(
    voteId: string,
    ballot: BallotSubmission,
    policy: RevotePolicy,
  ): Promise<Result<CastReceipt, CastError>>;
  /** castBallot and the board event describing it, in one transaction. */
  castBallotWithEvent(
    voteId: string,
    ballot: BallotSubmission,
    policy: RevotePolicy,
    event: (receipt: CastReceipt) => BoardEventInput,
    computeHash: ComputeHash,
  ): Promise<Result<{ readonly receipt: CastReceipt; readonly event: BoardEvent }, CastError>>;
  listBallots(voteId: string, options?: { readonly countedOnly?: boolean }): Promise<readonly StoredBallot[]>;

  /** Appends under the vote's lock: reads the head, hashes with `computeHash`, inserts seq + 1. */
  appendEvent(
    voteId: string,
    event: BoardEventInput,
    computeHash: ComputeHash,
  ): Promise<Result<BoardEvent, AppendError>>;
  listEvents(
    voteId: string,
    options?: { readonly fromSeq?: number; readonly limit?: number },
  ): Promise<readonly BoardEvent[]>;
  head(voteId: string): Promise<BoardHead | null>;

  // --- Public pages (read models) ---
  /** Every vote, oldest first. */
  listVotes(): Promise<readonly Vote[]>;
  countBallots(voteId: string): Promise<BallotCounts>;
  /** Accepted ballots in sequence order, optionally by tracking-code prefix. */
  listBoardBallots(voteId: string, query: BoardBallotQuery): Promise<readonly BoardBallot[]>;

  // --- Member sign-in (times are ISO 8601 text from the caller's clock) ---
  /** Members of any union with this member number, by union id. */
  findMembersByNumber(memberNumber: string): Promise<readonly Member[]>;
  /** Members of any union with this email (a dual member has one row per union), by union id. */
  findMembersByEmail(email: string): Promise<readonly Member[]>;
  getRollEntry(voteId: string, memberNumber: string): Promise<RollEntry | null>;
  /** Stores a code and discards the member's earlier unused codes (only the latest one works). */
  createLoginCode(code: NewLoginCode): Promise<void>;
  /** Marks an unused, unexpired code with this hash as used and returns whose it was; once only. */
  consumeLoginCode(memberNumber: string, codeHash: string, now: string): Promise<SignInSubject | null>;
  createSession(session: NewSession): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<Session | null>;
  /** true if a session was deleted. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** Counts one hit in the fixed window `windowStart` of `key` and returns the hits so far. */
  hitRateLimit(key: string, windowStart: string): Promise<number>;
  /** Deletes expired codes and sessions, and rate-limit windows that started before `windowsBefore`. */
  pruneSignIn(now: string, windowsBefore: string): Promise<PruneSummary>;

  // --- Participation: "this member submitted a ballot", nothing more (no time, no ballot) ---
  markParticipation(voteId: string, memberNumber: string): Promise<void>;
  hasParticipated(voteId: string, memberNumber: string): Promise<boolean>;

  // --- Staff accounts and sessions (times are ISO 8601 text from the caller's clock) ---
  createStaffAccount(account: NewStaffAccount): Promise<Result<StaffAccount, CreateStaffError>>;
  getStaffCredentials(username: string): Promise<StaffCredentials | null>;
  listStaffAccounts(): Promise<readonly StaffAccount[]>;
  /** Records `step` as the last accepted TOTP step if it is later than the stored one; false = replay. */
  advanceTotpStep(staffId: string, step: number): Promise<boolean>;
  /** false (and nothing written) if the account does not exist or is disabled. */
  createStaffSession(session: NewStaffSession): Promise<boolean>;
  /** The session and its account if it exists and has not expired at `now`. */
  getStaffSession(tokenHash: string, now: string): Promise<StaffSession | null>;
  /** true if a session was deleted. */
  deleteStaffSession(tokenHash: string): Promise<boolean>;

  // --- Audit log: append-only (no update or delete here, and the database refuses them) ---
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries in seq order. */
  listAudit(query: AuditQuery): Promise<readonly AuditEntry[]>;

  // --- Outgoing mail: a queue with a delivery log (times are ISO 8601 text from the caller) ---
  /** Queues messages (status queued, one `queued` event each), all or nothing; returns how many. */
  enqueueMail(messages: readonly NewMailMessage[]): Promise<number>;
  /**
   * Claims up to `limit` queued messages due at `now`, oldest first: each becomes `sending` with one
   * more attempt, so two drains never claim the same message.
   */
  claimDueMail(now: string, limit: number): Promise<readonly MailMessageRecord[]>;
  /** Records how a claimed message's attempt ended (a `sending` message only); false otherwise. */
  recordMailOutcome(id: string, outcome: MailOutcome, now: string): Promise<boolean>;
  /** Puts `sending` messages last touched before `before` back in the queue (after a crash). */
  requeueStaleMail(before: string, now: string): Promise<number>;
  getMailMessage(id: string): Promise<MailMessageRecord | null>;
  /** Messages matching every given field, oldest first. */
  listMail(query: MailQuery): Promise<readonly MailMessageRecord[]>;
  listMailEvents(messageId: string): Promise<readonly MailEvent[]>;

  // --- Admin console ---
  /** Every union with its member counts, by id. */
  listUnions(): Promise<readonly UnionSummary[]>;
  /** Members of any union whose email is one of `emails` (dual-member detection before an import). */
  findMembersByEmails(emails: readonly string[]): Promise<readonly Member[]>;
  createDraft(draft: NewDraft): Promise<Result<Draft, CreateDraftError>>;
  getDraft(id: string): Promise<Draft | null>;
  /** Every draft, oldest first. */
  listDrafts(): Promise<readonly Draft[]>;
  /** ceremony → created, once (the vote now exists). */
  markDraftCreated(id: string): Promise<Result<Draft, DraftTransitionError>>;
  /** Appends a public ceremony message to a draft still in its ceremony; keys are unique per draft. */
  addCeremonyMessage(draftId: string, message: NewCeremonyMessage): Promise<Result<StoredCeremonyMessage, AddCeremonyMessageError>>;
  listCeremonyMessages(draftId: string): Promise<readonly StoredCeremonyMessage[]>;
  /** Records when the scheduler must open and close a vote. */
  scheduleVote(entry: NewScheduleEntry): Promise<Result<ScheduleEntry, ScheduleError>>;
  getSchedule(voteId: string): Promise<ScheduleEntry | null>;
  /** Jobs due at `now` (ISO) and not yet done, opens before closes, earliest first. */
  listDueJobs(now: string): Promise<readonly DueJob[]>;
  /** Marks a job done at `at` (error null) or records why it failed (it stays due and is retried). */
  recordJobRun(voteId: string, job: ScheduledJob, at: string, error: string | null): Promise<void>;
  /** Accepted ballots grouped by hour of receipt. */
  ballotsByHour(voteId: string): Promise<readonly HourlyBallots[]>;
  /** Per unit of the vote's roll: eligible entries and participation marks, by unit (null first). */
  turnoutByUnit(voteId: string): Promise<readonly UnitTurnout[]>;
  /** Who has voted (participation marks with their roll entry), by member number. */
  listParticipants(voteId: string): Promise<readonly Participant[]>;

  /**
   * Runs `fn` in one transaction: committed if it returns ok, rolled back if it returns an error or
   * throws. Inside, use only `tx` (and await its calls one by one); each call is a savepoint.
   */
  transaction<T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>): Promise<Result<T, E>>;
  close(): Promise<void>;
}

export type * from './bargaining-port.ts';
