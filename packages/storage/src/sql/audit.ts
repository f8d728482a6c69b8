// The append-only audit log: insert and select only (no function here updates or deletes it, and
// the database's triggers refuse both).
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../port.ts';
import type { SqlContext } from './context.ts';
import type { AuditLogTable } from './schema.ts';
import type { PortSql } from './runner.ts';
import type { AuditLog } from '../port.ts';

const entry = (row: AuditLogTable): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  action: row.action,
  voteId: row.vote_id,
  details: row.details,
});

/** Must run inside a transaction: the next seq is read, then inserted (the primary key refuses a race). */
export async function appendAudit(ctx: SqlContext, input: NewAuditEntry): Promise<AuditEntry> {
  const last = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const row: AuditLogTable = {
    seq: Number(last?.seq ?? 0) + 1,
    at: ctx.now(),
    actor: input.actor,
    action: input.action,
    vote_id: input.voteId,
    details: input.details,
  };
  await ctx.db.insertInto('audit_log').values(row).execute();
  return entry(row);
}

export async function listAudit(ctx: SqlContext, query: AuditQuery): Promise<readonly AuditEntry[]> {
  let q = ctx.db.selectFrom('audit_log').selectAll().where('seq', '>=', query.fromSeq ?? 1);
  if (query.voteId !== undefined) q = q.where('vote_id', '=', query.voteId);
  const rows = await q.orderBy('seq').limit(query.limit).execute();
  return rows.map(entry);
}

export const auditSql: PortSql<AuditLog> = {
  ops: { appendAudit, listAudit },
  atomic: ['appendAudit'],
};
