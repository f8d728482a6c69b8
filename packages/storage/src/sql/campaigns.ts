// Campaigns over SQL (campaigns-port.ts): committees, endorsement pages and signatures, appeals and
// the messages an approved appeal queued. The equal-terms quota is counted and the appeal approved
// in the same transaction as the mail is queued, so a side can never pass its quota, even racing.
// Must not render, seal or send mail (the server does; the queue's module stores it).
import { type Result, err, ok } from '@ratify/crypto';
import type { Selectable } from 'kysely';
import type {
  Appeal,
  AppealApproval,
  AppealDelivery,
  AppealStatus,
  CampaignCommittee,
  CampaignSide,
  CreateCommitteeError,
  CreatePageError,
  DecideAppealError,
  Endorsement,
  EndorsementPage,
  NewAppeal,
  NewCampaignCommittee,
  NewEndorsement,
  NewEndorsementPage,
  SignEndorsementError,
  SubmitAppealError,
} from '../port.ts';
import type { StaffAccount } from '../port.ts';
import type { SqlContext } from './context.ts';
import { MAIL_STATUSES, oneOf } from './rows.ts';
import { enqueueMail } from './mail.ts';
import type { CampaignAppealsTable, EndorsementsTable } from './schema.ts';
import { createStaffAccount } from './staff.ts';
import type { PortSql } from './runner.ts';
import type { CampaignStore } from '../port.ts';

const side = (value: string): CampaignSide => (value === 'for' ? 'for' : 'against');

async function voteUnion(ctx: SqlContext, voteId: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('votes').select('union_id').where('id', '=', voteId).executeTakeFirst();
  return row?.union_id ?? null;
}

// --- Committees ---

const committeeQuery = (ctx: SqlContext) =>
  ctx.db
    .selectFrom('campaign_committees as c')
    .innerJoin('staff_accounts as a', 'a.id', 'c.staff_id')
    .select(['c.staff_id', 'a.username', 'c.vote_id', 'c.side', 'c.name', 'c.created_at']);

const toCommittee = (row: { staff_id: string; username: string; vote_id: string; side: string; name: string; created_at: string }): CampaignCommittee => ({
  staffId: row.staff_id,
  username: row.username,
  voteId: row.vote_id,
  side: side(row.side),
  name: row.name,
  createdAt: row.created_at,
});

/** Must run inside a transaction (the account and the binding are one). */
export async function createCommittee(
  ctx: SqlContext,
  input: NewCampaignCommittee,
): Promise<Result<CampaignCommittee & { readonly account: StaffAccount }, CreateCommitteeError>> {
  if (input.account.role !== 'campaign') return err('not_campaign_role');
  if ((await voteUnion(ctx, input.voteId)) === null) return err('vote_not_found');
  const account = await createStaffAccount(ctx, input.account);
  if (!account.ok) return account;
  const row = { staff_id: account.value.id, vote_id: input.voteId, side: input.side, name: input.name, created_at: ctx.now() };
  await ctx.db.insertInto('campaign_committees').values(row).execute();
  return ok({ ...toCommittee({ ...row, username: account.value.username }), account: account.value });
}

export async function getCommittee(ctx: SqlContext, staffId: string): Promise<CampaignCommittee | null> {
  const row = await committeeQuery(ctx).where('c.staff_id', '=', staffId).executeTakeFirst();
  return row === undefined ? null : toCommittee(row);
}

export async function listCommittees(ctx: SqlContext, voteId: string): Promise<readonly CampaignCommittee[]> {
  const rows = await committeeQuery(ctx).where('c.vote_id', '=', voteId).orderBy('c.side', 'desc').orderBy('c.name').execute();
  return rows.map(toCommittee);
}

// --- Endorsement pages and signatures ---

const pageQuery = (ctx: SqlContext) =>
  ctx.db
    .selectFrom('endorsement_pages as p')
    .innerJoin('votes as v', 'v.id', 'p.vote_id')
    .select((eb) => [
      'p.id',
      'p.vote_id',
      'p.side',
      'p.title',
      'p.statement',
      'p.created_by',
      'p.created_at',
      'v.union_id',
      eb.selectFrom('endorsements as e').select((e) => e.fn.countAll<number | string>().as('n')).whereRef('e.page_id', '=', 'p.id').as('count'),
    ]);

type PageRow = { id: string; vote_id: string; side: string; title: string; statement: string; created_by: string; created_at: string; union_id: string; count: number | string | null };
const toPage = (row: PageRow): EndorsementPage => ({
  id: row.id,
  voteId: row.vote_id,
  side: side(row.side),
  title: row.title,
  statement: row.statement,
  createdBy: row.created_by,
  unionId: row.union_id,
  createdAt: row.created_at,
  count: Number(row.count ?? 0),
});

export async function createEndorsementPage(ctx: SqlContext, page: NewEndorsementPage): Promise<Result<EndorsementPage, CreatePageError>> {
  const unionId = await voteUnion(ctx, page.voteId);
  if (unionId === null) return err('vote_not_found');
  const row = { id: page.id, vote_id: page.voteId, side: page.side, title: page.title, statement: page.statement, created_by: page.createdBy, created_at: ctx.now() };
  try {
    await ctx.db.insertInto('endorsement_pages').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_page');
    throw error;
  }
  return ok(toPage({ ...row, union_id: unionId, count: 0 }));
}

export async function getEndorsementPage(ctx: SqlContext, id: string): Promise<EndorsementPage | null> {
  const row = await pageQuery(ctx).where('p.id', '=', id).executeTakeFirst();
  return row === undefined ? null : toPage(row);
}

export async function listEndorsementPages(ctx: SqlContext, voteId: string): Promise<readonly EndorsementPage[]> {
  const rows = await pageQuery(ctx).where('p.vote_id', '=', voteId).orderBy('p.created_at').orderBy('p.id').execute();
  return rows.map(toPage);
}

const toEndorsement = (row: Selectable<EndorsementsTable>): Endorsement => ({
  pageId: row.page_id,
  unionId: row.union_id,
  memberNumber: row.member_number,
  shownName: row.shown_name,
  role: row.role,
  signedAt: row.signed_at,
});

export async function signEndorsement(ctx: SqlContext, e: NewEndorsement): Promise<Result<Endorsement, SignEndorsementError>> {
  const page = await ctx.db.selectFrom('endorsement_pages').select('id').where('id', '=', e.pageId).executeTakeFirst();
  if (page === undefined) return err('page_not_found');
  const row = { page_id: e.pageId, union_id: e.unionId, member_number: e.memberNumber, shown_name: e.shownName, role: e.role, signed_at: ctx.now() };
  try {
    await ctx.db.insertInto('endorsements').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('already_signed');
    throw error;
  }
  return ok(toEndorsement(row));
}

export async function withdrawEndorsement(ctx: SqlContext, pageId: string, unionId: string, memberNumber: string): Promise<boolean> {
  const deleted = await ctx.db
    .deleteFrom('endorsements')
    .where('page_id', '=', pageId)
    .where('union_id', '=', unionId)
    .where('member_number', '=', memberNumber)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

export async function listEndorsements(ctx: SqlContext, pageId: string): Promise<readonly Endorsement[]> {
  const rows = await ctx.db.selectFrom('endorsements').selectAll().where('page_id', '=', pageId).orderBy('signed_at').orderBy('member_number').execute();
  return rows.map(toEndorsement);
}

export async function listMemberEndorsements(ctx: SqlContext, unionId: string, memberNumber: string): Promise<readonly Endorsement[]> {
  const rows = await ctx.db
    .selectFrom('endorsements')
    .selectAll()
    .where('union_id', '=', unionId)
    .where('member_number', '=', memberNumber)
    .orderBy('signed_at')
    .orderBy('page_id')
    .execute();
  return rows.map(toEndorsement);
}

// --- Appeals ---

const toAppeal = (row: Selectable<CampaignAppealsTable>): Appeal => ({
  id: row.id,
  voteId: row.vote_id,
  side: side(row.side),
  committeeId: row.committee_id,
  committeeName: row.committee_name,
  subjectEn: row.subject_en,
  bodyEn: row.body_en,
  subjectEs: row.subject_es,
  bodyEs: row.body_es,
  status: row.status as AppealStatus,
  submittedAt: row.submitted_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  rejectReason: row.reject_reason,
  recipients: row.recipients === null ? null : Number(row.recipients),
});

export async function submitAppeal(ctx: SqlContext, a: NewAppeal): Promise<Result<Appeal, SubmitAppealError>> {
  if ((await voteUnion(ctx, a.voteId)) === null) return err('vote_not_found');
  const row: Selectable<CampaignAppealsTable> = {
    id: a.id,
    vote_id: a.voteId,
    side: a.side,
    committee_id: a.committeeId,
    committee_name: a.committeeName,
    subject_en: a.subjectEn,
    body_en: a.bodyEn,
    subject_es: a.subjectEs,
    body_es: a.bodyEs,
    status: 'pending',
    submitted_at: ctx.now(),
    decided_by: null,
    decided_at: null,
    reject_reason: null,
    recipients: null,
  };
  try {
    await ctx.db.insertInto('campaign_appeals').values(row).execute();
  } catch (error) {
    if (ctx.hooks.isUniqueViolation(error)) return err('duplicate_appeal');
    throw error;
  }
  return ok(toAppeal(row));
}

export async function getAppeal(ctx: SqlContext, id: string): Promise<Appeal | null> {
  const row = await ctx.db.selectFrom('campaign_appeals').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toAppeal(row);
}

export async function listAppeals(ctx: SqlContext, voteId: string, which?: CampaignSide): Promise<readonly Appeal[]> {
  let q = ctx.db.selectFrom('campaign_appeals').selectAll().where('vote_id', '=', voteId);
  if (which !== undefined) q = q.where('side', '=', which);
  const rows = await q.orderBy('submitted_at').orderBy('id').execute();
  return rows.map(toAppeal);
}

/** Must run inside a transaction: quota check, status change, queue and links are one. */
export async function approveAppeal(ctx: SqlContext, approval: AppealApproval): Promise<Result<Appeal, DecideAppealError>> {
  const appeal = await getAppeal(ctx, approval.appealId);
  if (appeal === null) return err('appeal_not_found');
  if (appeal.status !== 'pending') return err('appeal_not_pending');
  // Lock the vote row first (SQLite: the write lock; PostgreSQL: the row) so two approvals for one
  // side are serialised and the count below cannot be stale.
  await ctx.db.updateTable('votes').set((eb) => ({ board_length: eb.ref('board_length') })).where('id', '=', appeal.voteId).execute();
  const approved = await ctx.db
    .selectFrom('campaign_appeals')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('vote_id', '=', appeal.voteId)
    .where('side', '=', appeal.side)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  if (Number(approved.n) >= approval.quota) return err('appeal_quota_reached', `${appeal.side}: ${approval.quota} approved already`);
  const now = ctx.now();
  const pending: Appeal = { ...appeal, status: 'approved', decidedBy: approval.decidedBy, decidedAt: now };
  const messages = approval.messages(pending);
  const updated = await ctx.db
    .updateTable('campaign_appeals')
    .set({ status: 'approved', decided_by: approval.decidedBy, decided_at: now, recipients: messages.length })
    .where('id', '=', appeal.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return err('appeal_not_pending');
  await enqueueMail(ctx, messages);
  for (let i = 0; i < messages.length; i += 500) {
    await ctx.db
      .insertInto('campaign_appeal_mail')
      .values(messages.slice(i, i + 500).map((m) => ({ appeal_id: appeal.id, message_id: m.id })))
      .execute();
  }
  return ok({ ...pending, recipients: messages.length });
}

export async function rejectAppeal(
  ctx: SqlContext,
  appealId: string,
  decidedBy: string,
  reason: string,
): Promise<Result<Appeal, Exclude<DecideAppealError, 'appeal_quota_reached'>>> {
  const appeal = await getAppeal(ctx, appealId);
  if (appeal === null) return err('appeal_not_found');
  if (appeal.status !== 'pending') return err('appeal_not_pending');
  const now = ctx.now();
  await ctx.db
    .updateTable('campaign_appeals')
    .set({ status: 'rejected', decided_by: decidedBy, decided_at: now, reject_reason: reason })
    .where('id', '=', appealId)
    .execute();
  return ok({ ...appeal, status: 'rejected', decidedBy, decidedAt: now, rejectReason: reason });
}

export async function listAppealDeliveries(ctx: SqlContext, appealId: string): Promise<readonly AppealDelivery[]> {
  const rows = await ctx.db
    .selectFrom('campaign_appeal_mail as l')
    .innerJoin('mail_messages as m', 'm.id', 'l.message_id')
    .select(['m.id', 'm.member_number', 'm.status', 'm.attempts', 'm.last_error', 'm.updated_at'])
    .where('l.appeal_id', '=', appealId)
    .orderBy('m.member_number')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    messageId: r.id,
    memberNumber: r.member_number,
    status: oneOf(MAIL_STATUSES, r.status, 'mail status'),
    attempts: Number(r.attempts),
    lastError: r.last_error,
    updatedAt: r.updated_at,
  }));
}

export const campaignSql: PortSql<CampaignStore> = {
  ops: {
    createCommittee,
    getCommittee,
    listCommittees,
    createEndorsementPage,
    getEndorsementPage,
    listEndorsementPages,
    signEndorsement,
    withdrawEndorsement,
    listEndorsements,
    listMemberEndorsements,
    submitAppeal,
    getAppeal,
    listAppeals,
    approveAppeal,
    rejectAppeal,
    listAppealDeliveries,
  },
  atomic: ['createCommittee', 'createEndorsementPage', 'signEndorsement', 'submitAppeal', 'approveAppeal', 'rejectAppeal'],
};
