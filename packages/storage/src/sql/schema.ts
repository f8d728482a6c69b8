// Kysely table types: the database's rows exactly as stored (snake_case, 0/1 flags, ISO text times).
// Only sql/rows.ts turns these into domain types; nothing outside sql/ sees them.
import type { Generated } from 'kysely';

export interface UnionsTable {
  id: string;
  name: string;
}

export interface MembersTable {
  union_id: string;
  member_number: string;
  name: string;
  email: string;
  good_standing: number;
  unit: string | null;
  /** Preferred message language (null: English). */
  language: string | null;
}

export interface VotesTable {
  id: string;
  union_id: string;
  status: string;
  manifest: string;
  created_at: string;
  /** Last ballot sequence; updated first in a cast, so it doubles as the vote's ballot lock. */
  ballot_count: Generated<number>;
  /** Number of board events; updated first in an append, so it doubles as the board lock. */
  board_length: Generated<number>;
}

export interface RollsTable {
  vote_id: string;
  union_id: string;
  record_date: string;
  frozen_at: string;
  frozen_count: number;
  /** Number of roll events; updated first in an amendment (the roll's lock). */
  event_count: Generated<number>;
}

export interface RollEntriesTable {
  vote_id: string;
  member_number: string;
  name: string;
  email: string;
  unit: string | null;
  status: string;
  origin: string;
}

export interface RollEventsTable {
  vote_id: string;
  seq: number;
  kind: string;
  member_number: string;
  reason: string;
  at: string;
}

export interface CredentialsTable {
  vote_id: string;
  credential: string;
  revoked: Generated<number>;
  revoked_reason: string | null;
  revoked_at: string | null;
}

export interface BallotsTable {
  vote_id: string;
  sequence: number;
  credential: string;
  tracking_code: string;
  ballot: string;
  received_at: string;
  counted: number;
}

export interface BoardEventsTable {
  vote_id: string;
  seq: number;
  kind: string;
  payload: string;
  prev_hash: string | null;
  hash: string;
  created_at: string;
}

export interface LoginCodesTable {
  id: string;
  union_id: string;
  member_number: string;
  /** HMAC of the code under the server's pepper; the code itself is never stored. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** SHA-256 of the asking browser's binding token (migration 20261209130000); null: made before, never usable. */
  binding_hash: string | null;
  /** Wrong guesses made against this code from its browser; at the limit the code is dead. */
  wrong_guesses: Generated<number>;
}

/** Code requests waiting for the sign-in outbox (migration 20261209130000). */
export interface SignInRequestsTable {
  id: string;
  member_number: string;
  binding_hash: string;
  created_at: string;
}

/** Browsers a staff account signed in from (migration 20261209130000): exempt from the account-wide slow-down. */
export interface StaffDevicesTable {
  staff_id: string;
  binding_hash: string;
  last_signed_in_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is never stored. */
  token_hash: string;
  union_id: string;
  member_number: string;
  created_at: string;
  expires_at: string;
}

export interface RateLimitHitsTable {
  key: string;
  window_start: string;
  hits: number;
}

/** Private: which member a public credential was issued to (never exported, never on the board). */
export interface CredentialHoldersTable {
  vote_id: string;
  credential: string;
  member_number: string;
}

export interface StaffAccountsTable {
  id: string;
  username: string;
  role: 'administrator' | 'trustee' | 'observer' | 'campaign';
  /** argon2id PHC string; the password is never stored. */
  password_hash: string;
  /** AES-256-GCM under the server key; the TOTP secret is never stored in clear. */
  totp_secret_encrypted: string | null;
  totp_last_step: number | string | null;
  created_at: string;
  /** Set when an administrator disables the account (migration 20261129090000). */
  disabled_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 of the session token. */
  token_hash: string;
  staff_id: string;
  /** SHA-256 of the CSRF token. */
  csrf_hash: string;
  created_at: string;
  expires_at: string;
}

/** Append-only: the database refuses UPDATE and DELETE. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  vote_id: string | null;
  details: string;
}

export interface MailMessagesTable {
  id: string;
  kind: string;
  vote_id: string | null;
  member_number: string | null;
  recipient: string;
  subject: string;
  /** Sealed (AES-256-GCM) by the server; null once sent or given up. */
  sealed_body: string | null;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailEventsTable {
  message_id: string;
  seq: number;
  kind: string;
  detail: string | null;
  at: string;
}

export interface VoteDraftsTable {
  id: string;
  union_id: string;
  definition: string;
  status: string;
  created_at: string;
  vote_created_at: string | null;
  /** The draft's random election id (protocol ratify/v2); null for drafts made before it. */
  election_id: string | null;
  /** Number of ceremony messages; updated first when one is added (the draft's lock). */
  message_count: Generated<number>;
}

export interface CeremonyMessagesTable {
  draft_id: string;
  seq: number;
  message_key: string;
  kind: string;
  author: number;
  message: string;
  received_at: string;
}

export interface VoteScheduleTable {
  vote_id: string;
  opens_at: string;
  closes_at: string;
  opened_at: string | null;
  closed_at: string | null;
  last_error: string | null;
}

export interface BargainingContractsTable {
  id: string;
  title: string;
  /** JSON array of party names. */
  parties: string;
  covered_unit: string;
  effective_date: string;
  expiry_date: string;
  status: string;
  /** Number of status events; updated first in a status change (the contract's lock). */
  event_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ContractStatusEventsTable {
  contract_id: string;
  seq: number;
  from_status: string;
  to_status: string;
  on_date: string;
  note: string | null;
  at: string;
}

export interface BargainingSessionsTable {
  id: string;
  contract_id: string;
  date: string;
  end_date: string | null;
  kind: string;
  notes: string | null;
}

export interface BargainingOffersTable {
  id: string;
  contract_id: string;
  /** The contract id when the offer is final, else null: unique, so one final offer per contract. */
  final_key: string | null;
  offer: string;
  created_at: string;
  updated_at: string;
}

export interface BargainingDocumentsTable {
  id: string;
  contract_id: string;
  offer_id: string | null;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes_base64: string;
  created_at: string;
}

export interface FollowUpLinksTable {
  child_draft_id: string;
  parent_vote_id: string;
  question_id: string;
  outcome: string;
  started_by: string;
  started_at: string;
  discarded_at: string | null;
}

export interface Database {
  unions: UnionsTable;
  members: MembersTable;
  votes: VotesTable;
  rolls: RollsTable;
  roll_entries: RollEntriesTable;
  roll_events: RollEventsTable;
  credentials: CredentialsTable;
  ballots: BallotsTable;
  board_events: BoardEventsTable;
  login_codes: LoginCodesTable;
  sign_in_requests: SignInRequestsTable;
  staff_devices: StaffDevicesTable;
  sessions: SessionsTable;
  rate_limit_hits: RateLimitHitsTable;
  credential_holders: CredentialHoldersTable;
  vote_drafts: VoteDraftsTable;
  ceremony_messages: CeremonyMessagesTable;
  vote_schedule: VoteScheduleTable;
  mail_messages: MailMessagesTable;
  mail_events: MailEventsTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  bargaining_contracts: BargainingContractsTable;
  contract_status_events: ContractStatusEventsTable;
  bargaining_sessions: BargainingSessionsTable;
  bargaining_offers: BargainingOffersTable;
  bargaining_documents: BargainingDocumentsTable;
  campaign_committees: CampaignCommitteesTable;
  endorsement_pages: EndorsementPagesTable;
  endorsements: EndorsementsTable;
  campaign_appeals: CampaignAppealsTable;
  campaign_appeal_mail: CampaignAppealMailTable;
  follow_up_links: FollowUpLinksTable;
}

// --- Campaigns (migration 20261129110000-campaigns) ---
export interface CampaignCommitteesTable {
  staff_id: string;
  vote_id: string;
  side: string;
  name: string;
  created_at: string;
}

export interface EndorsementPagesTable {
  id: string;
  vote_id: string;
  side: string;
  title: string;
  statement: string;
  created_by: string;
  created_at: string;
}

export interface EndorsementsTable {
  page_id: string;
  union_id: string;
  member_number: string;
  shown_name: string;
  role: string | null;
  signed_at: string;
}

export interface CampaignAppealsTable {
  id: string;
  vote_id: string;
  side: string;
  committee_id: string;
  committee_name: string;
  subject_en: string;
  body_en: string;
  subject_es: string | null;
  body_es: string | null;
  status: string;
  submitted_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  recipients: number | null;
}

export interface CampaignAppealMailTable {
  appeal_id: string;
  message_id: string;
}
