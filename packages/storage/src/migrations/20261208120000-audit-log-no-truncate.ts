// Migration: PostgreSQL's TRUNCATE bypasses row triggers, so the audit log also gets a statement
// trigger that refuses it. SQLite has no TRUNCATE (its DELETE is refused by the existing trigger).
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()')
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop trigger audit_log_no_truncate on audit_log').execute(db);
}
