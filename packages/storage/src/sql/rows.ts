// The one place rows become domain types (and back). Numbers are passed through Number() because
// PostgreSQL drivers may return integers as strings; flags are 0/1 in every database.
import type { Selectable } from 'kysely';
import type {
  BoardEvent,
  Credential,
  FrozenRoll,
  MailStatus,
  Member,
  MemberRecord,
  RollAmendmentKind,
  RollEntry,
  RollEntryStatus,
  RollEvent,
  StoredBallot,
  Union,
  Vote,
  VoteStatus,
} from '../port.ts';
import type {
  BallotsTable,
  BoardEventsTable,
  CredentialsTable,
  MembersTable,
  RollEntriesTable,
  RollEventsTable,
  RollsTable,
  UnionsTable,
  VotesTable,
} from './schema.ts';

const VOTE_STATUSES: readonly VoteStatus[] = ['draft', 'open', 'closed', 'tallied', 'published'];
const ENTRY_STATUSES: readonly RollEntryStatus[] = ['eligible', 'removed', 'challenged'];
const AMENDMENT_KINDS: readonly RollAmendmentKind[] = ['added', 'removed', 'challenged'];

/** Values the schema's CHECK constraints already guarantee; a miss is a bug, so it throws. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`corrupt ${what} in database: ${value}`);
  return found;
}

export const MAIL_STATUSES: readonly MailStatus[] = ['queued', 'sending', 'sent', 'failed', 'bounced'];

export const toUnion = (row: Selectable<UnionsTable>): Union => ({ id: row.id, name: row.name });

export const toMember = (row: Selectable<MembersTable>): Member => ({
  unionId: row.union_id,
  memberNumber: row.member_number,
  name: row.name,
  email: row.email,
  goodStanding: Number(row.good_standing) === 1,
  unit: row.unit,
  ...(row.language !== null ? { language: row.language } : {}),
});

export const fromMember = (unionId: string, member: MemberRecord): MembersTable => ({
  union_id: unionId,
  member_number: member.memberNumber,
  name: member.name,
  email: member.email,
  good_standing: member.goodStanding ? 1 : 0,
  unit: member.unit,
  language: member.language ?? null,
});

export const toVote = (
  row: Pick<Selectable<VotesTable>, 'id' | 'union_id' | 'status' | 'manifest' | 'created_at'>,
): Vote => ({
  id: row.id,
  unionId: row.union_id,
  status: oneOf(VOTE_STATUSES, row.status, 'vote status'),
  manifest: row.manifest,
  createdAt: row.created_at,
});

export const toRoll = (row: Selectable<RollsTable>): FrozenRoll => ({
  voteId: row.vote_id,
  unionId: row.union_id,
  recordDate: row.record_date,
  frozenAt: row.frozen_at,
  frozenCount: Number(row.frozen_count),
});

export const toRollEntry = (row: Selectable<RollEntriesTable>): RollEntry => ({
  voteId: row.vote_id,
  memberNumber: row.member_number,
  name: row.name,
  email: row.email,
  unit: row.unit,
  status: oneOf(ENTRY_STATUSES, row.status, 'roll entry status'),
  origin: oneOf(['frozen', 'added'] as const, row.origin, 'roll entry origin'),
});

export const toRollEvent = (row: Selectable<RollEventsTable>): RollEvent => ({
  voteId: row.vote_id,
  seq: Number(row.seq),
  kind: oneOf(AMENDMENT_KINDS, row.kind, 'roll event kind'),
  memberNumber: row.member_number,
  reason: row.reason,
  at: row.at,
});

export const toCredential = (row: Selectable<CredentialsTable>): Credential => ({
  voteId: row.vote_id,
  credential: row.credential,
  revoked: Number(row.revoked) === 1,
  revokedReason: row.revoked_reason,
  revokedAt: row.revoked_at,
});

export const toBallot = (row: Selectable<BallotsTable>): StoredBallot => ({
  voteId: row.vote_id,
  sequence: Number(row.sequence),
  credential: row.credential,
  trackingCode: row.tracking_code,
  ballot: row.ballot,
  receivedAt: row.received_at,
  counted: Number(row.counted) === 1,
});

export const toBoardEvent = (row: Selectable<BoardEventsTable>): BoardEvent => ({
  voteId: row.vote_id,
  seq: Number(row.seq),
  kind: row.kind,
  payload: row.payload,
  prevHash: row.prev_hash,
  hash: row.hash,
  createdAt: row.created_at,
});
