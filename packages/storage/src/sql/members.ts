// Unions and their members: create a union, replace its membership from a roll import (all or
// nothing: the caller runs this inside a transaction), and find dual members across two unions.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type {
  CreateUnionError,
  DualMember,
  ImportRollError,
  ImportSummary,
  Member,
  MemberRecord,
  MemberStore,
  Union,
  UnionSummary,
} from '../port.ts';
import { chunks } from './context.ts';
import type { SqlContext } from './context.ts';
import { fromMember, toMember, toUnion } from './rows.ts';
import type { PortSql } from './runner.ts';

export async function createUnion(ctx: SqlContext, union: Union): Promise<Result<Union, CreateUnionError>> {
  try {
    await ctx.db.insertInto('unions').values({ id: union.id, name: union.name }).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_union', union.id);
    throw error;
  }
  return ok(union);
}

export async function getUnion(ctx: SqlContext, id: string): Promise<Union | null> {
  const row = await ctx.db.selectFrom('unions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toUnion(row);
}

/** Must run inside a transaction: it deletes before it inserts. */
export async function importRoll(
  ctx: SqlContext,
  unionId: string,
  rows: readonly MemberRecord[],
): Promise<Result<ImportSummary, ImportRollError>> {
  if ((await getUnion(ctx, unionId)) === null) return err('union_not_found', unionId);
  const incoming = new Set<string>();
  for (const row of rows) {
    if (incoming.has(row.memberNumber)) return err('duplicate_member', row.memberNumber);
    incoming.add(row.memberNumber);
  }
  const existing = await ctx.db
    .selectFrom('members')
    .select('member_number')
    .where('union_id', '=', unionId)
    .execute();
  const kept = existing.filter((row) => incoming.has(row.member_number)).length;

  await ctx.db.deleteFrom('members').where('union_id', '=', unionId).execute();
  try {
    for (const chunk of chunks(rows)) {
      await ctx.db
        .insertInto('members')
        .values(chunk.map((row) => fromMember(unionId, row)))
        .execute();
    }
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_member');
    throw error;
  }
  return ok({
    added: rows.length - kept,
    kept,
    removed: existing.length - kept,
    eligible: rows.filter((row) => row.goodStanding).length,
  });
}

export async function listMembers(ctx: SqlContext, unionId: string): Promise<readonly Member[]> {
  const rows = await ctx.db
    .selectFrom('members')
    .selectAll()
    .where('union_id', '=', unionId)
    .orderBy('member_number')
    .execute();
  return rows.map(toMember);
}

export async function listDualMembers(
  ctx: SqlContext,
  firstUnionId: string,
  secondUnionId: string,
): Promise<readonly DualMember[]> {
  const rows = await ctx.db
    .selectFrom('members as a')
    .innerJoin('members as b', 'a.email', 'b.email')
    .where('a.union_id', '=', firstUnionId)
    .where('b.union_id', '=', secondUnionId)
    .select([
      'a.union_id as a_union_id',
      'a.member_number as a_member_number',
      'a.name as a_name',
      'a.email as a_email',
      'a.good_standing as a_good_standing',
      'a.unit as a_unit',
      'a.language as a_language',
      'b.union_id as b_union_id',
      'b.member_number as b_member_number',
      'b.name as b_name',
      'b.email as b_email',
      'b.good_standing as b_good_standing',
      'b.unit as b_unit',
      'b.language as b_language',
    ])
    .orderBy('a.email')
    .orderBy('a.member_number')
    .orderBy('b.member_number')
    .execute();
  return rows.map((row) => ({
    email: row.a_email,
    first: toMember({
      union_id: row.a_union_id,
      member_number: row.a_member_number,
      name: row.a_name,
      email: row.a_email,
      good_standing: row.a_good_standing,
      unit: row.a_unit,
      language: row.a_language,
    }),
    second: toMember({
      union_id: row.b_union_id,
      member_number: row.b_member_number,
      name: row.b_name,
      email: row.b_email,
      good_standing: row.b_good_standing,
      unit: row.b_unit,
      language: row.b_language,
    }),
  }));
}

export async function listUnions(ctx: SqlContext): Promise<readonly UnionSummary[]> {
  const rows = await ctx.db
    .selectFrom('unions')
    .leftJoin('members', 'members.union_id', 'unions.id')
    .select((eb) => [
      'unions.id',
      'unions.name',
      eb.fn.count<number | string>('members.member_number').as('members'),
      eb.fn.sum<number | string | null>('members.good_standing').as('eligible'),
    ])
    .groupBy(['unions.id', 'unions.name'])
    .orderBy('unions.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, members: Number(r.members), eligible: Number(r.eligible ?? 0) }));
}

export async function findMembersByEmails(ctx: SqlContext, emails: readonly string[]): Promise<readonly Member[]> {
  const out: Member[] = [];
  for (const chunk of chunks([...new Set(emails)])) {
    const rows = await ctx.db.selectFrom('members').selectAll().where('email', 'in', chunk).execute();
    out.push(...rows.map(toMember));
  }
  return out.sort((a, b) => (a.email === b.email ? a.unionId.localeCompare(b.unionId) : a.email.localeCompare(b.email)));
}

export async function findMembersByNumber(ctx: SqlContext, memberNumber: string): Promise<readonly Member[]> {
  const rows = await ctx.db
    .selectFrom('members')
    .selectAll()
    .where('member_number', '=', memberNumber)
    .orderBy('union_id')
    .execute();
  return rows.map(toMember);
}

export async function findMembersByEmail(ctx: SqlContext, email: string): Promise<readonly Member[]> {
  const rows = await ctx.db.selectFrom('members').selectAll().where('email', '=', email).orderBy('union_id').execute();
  return rows.map(toMember);
}

export const memberSql: PortSql<MemberStore> = {
  ops: { createUnion, getUnion, listUnions, importRoll, listMembers, listDualMembers, findMembersByNumber, findMembersByEmail, findMembersByEmails },
  atomic: ['createUnion', 'importRoll'],
};
