// The outgoing mail queue and its delivery log. Bodies arrive sealed (the server encrypts them) and
// are blanked on every final outcome, so only delivery metadata outlives a message. Claiming is a
// conditional UPDATE (queued → sending), so two drains never send the same message. Must not
// decrypt, render or send anything.
import type { Selectable } from 'kysely';
import type { MailEvent, MailEventKind, MailMessageRecord, MailOutcome, MailQuery, MailStore, NewMailMessage } from '../port.ts';
import { chunks } from './context.ts';
import type { SqlContext } from './context.ts';
import { MAIL_STATUSES, oneOf } from './rows.ts';
import type { MailEventsTable, MailMessagesTable } from './schema.ts';
import type { PortSql } from './runner.ts';

const toMail = (row: Selectable<MailMessagesTable>): MailMessageRecord => ({
  id: row.id,
  kind: row.kind,
  voteId: row.vote_id,
  memberNumber: row.member_number,
  recipient: row.recipient,
  subject: row.subject,
  sealedBody: row.sealed_body,
  status: oneOf(MAIL_STATUSES, row.status, 'mail status'),
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toMailEvent = (row: Selectable<MailEventsTable>): MailEvent => ({
  messageId: row.message_id,
  seq: Number(row.seq),
  kind: row.kind as MailEventKind,
  detail: row.detail,
  at: row.at,
});

async function logEvent(ctx: SqlContext, messageId: string, kind: MailEventKind, detail: string | null, at: string): Promise<void> {
  const last = await ctx.db
    .selectFrom('mail_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  const seq = last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq) + 1;
  await ctx.db.insertInto('mail_events').values({ message_id: messageId, seq, kind, detail, at }).execute();
}

/** Must run inside a transaction (chunked inserts are all or nothing). */
export async function enqueueMail(ctx: SqlContext, messages: readonly NewMailMessage[]): Promise<number> {
  const now = ctx.now();
  for (const chunk of chunks(messages, 200)) {
    await ctx.db
      .insertInto('mail_messages')
      .values(
        chunk.map((m) => ({
          id: m.id,
          kind: m.kind,
          vote_id: m.voteId,
          member_number: m.memberNumber,
          recipient: m.recipient,
          subject: m.subject,
          sealed_body: m.sealedBody,
          status: 'queued',
          next_attempt_at: m.notBefore,
          last_error: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await ctx.db
      .insertInto('mail_events')
      .values(chunk.map((m) => ({ message_id: m.id, seq: 0, kind: 'queued', detail: null, at: now })))
      .execute();
  }
  return messages.length;
}

/** Must run inside a transaction. */
export async function claimDueMail(ctx: SqlContext, now: string, limit: number): Promise<readonly MailMessageRecord[]> {
  if (limit <= 0) return [];
  const due = await ctx.db
    .selectFrom('mail_messages')
    .select('id')
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: MailMessageRecord[] = [];
  for (const { id } of due) {
    const row = await ctx.db
      .updateTable('mail_messages')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) claimed.push(toMail(row));
  }
  return claimed;
}

/** Must run inside a transaction. */
export async function recordMailOutcome(ctx: SqlContext, id: string, outcome: MailOutcome, now: string): Promise<boolean> {
  const base = ctx.db.updateTable('mail_messages').where('id', '=', id).where('status', '=', 'sending');
  const updated =
    outcome.kind === 'retry'
      ? await base.set({ status: 'queued', next_attempt_at: outcome.nextAttemptAt, last_error: outcome.reason, updated_at: now }).executeTakeFirst()
      : await base
          .set({
            status: outcome.kind,
            sealed_body: null,
            last_error: outcome.kind === 'sent' ? null : outcome.reason,
            updated_at: now,
          })
          .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await logEvent(ctx, id, outcome.kind, outcome.kind === 'sent' ? null : outcome.reason, now);
  return true;
}

/** Must run inside a transaction. */
export async function requeueStaleMail(ctx: SqlContext, before: string, now: string): Promise<number> {
  const stale = await ctx.db
    .selectFrom('mail_messages')
    .select('id')
    .where('status', '=', 'sending')
    .where('updated_at', '<', before)
    .execute();
  for (const { id } of stale) {
    await ctx.db.updateTable('mail_messages').set({ status: 'queued', updated_at: now }).where('id', '=', id).execute();
    await logEvent(ctx, id, 'requeued', 'the sender stopped during an attempt', now);
  }
  return stale.length;
}

export async function getMailMessage(ctx: SqlContext, id: string): Promise<MailMessageRecord | null> {
  const row = await ctx.db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toMail(row);
}

export async function listMail(ctx: SqlContext, query: MailQuery): Promise<readonly MailMessageRecord[]> {
  let q = ctx.db.selectFrom('mail_messages').selectAll();
  if (query.voteId !== undefined) q = q.where('vote_id', '=', query.voteId);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toMail);
}

export async function listMailEvents(ctx: SqlContext, messageId: string): Promise<readonly MailEvent[]> {
  const rows = await ctx.db.selectFrom('mail_events').selectAll().where('message_id', '=', messageId).orderBy('seq').execute();
  return rows.map(toMailEvent);
}

export const mailSql: PortSql<MailStore> = {
  ops: { enqueueMail, claimDueMail, recordMailOutcome, requeueStaleMail, getMailMessage, listMail, listMailEvents },
  atomic: ['enqueueMail', 'claimDueMail', 'recordMailOutcome', 'requeueStaleMail'],
};
