// Port: unions and their members (the imported rolls), with the lookups sign-in and the console
// need (by number, by email, dual members). Must not judge eligibility for a vote (rolls.ts does).
import type { Result } from '@ratify/crypto';

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

/** A union with its roll's size. */
export interface UnionSummary extends Union {
  readonly members: number;
  readonly eligible: number;
}

export type CreateUnionError = 'duplicate_union';
export type ImportRollError = 'union_not_found' | 'duplicate_member';

export interface MemberStore {
  createUnion(union: Union): Promise<Result<Union, CreateUnionError>>;
  getUnion(id: string): Promise<Union | null>;
  /** Every union with its member counts, by id. */
  listUnions(): Promise<readonly UnionSummary[]>;
  /** Replaces the union's membership with `rows`, all or nothing. */
  importRoll(unionId: string, rows: readonly MemberRecord[]): Promise<Result<ImportSummary, ImportRollError>>;
  listMembers(unionId: string): Promise<readonly Member[]>;
  /** Members of both unions with the same email, ordered by email. */
  listDualMembers(firstUnionId: string, secondUnionId: string): Promise<readonly DualMember[]>;
  /** Members of any union with this member number, by union id. */
  findMembersByNumber(memberNumber: string): Promise<readonly Member[]>;
  /** Members of any union with this email (a dual member has one row per union), by union id. */
  findMembersByEmail(email: string): Promise<readonly Member[]>;
  /** Members of any union whose email is one of `emails` (dual-member detection before an import). */
  findMembersByEmails(emails: readonly string[]): Promise<readonly Member[]>;
}
