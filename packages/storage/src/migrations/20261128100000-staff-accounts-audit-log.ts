// Migration: staff accounts (administrator, trustee, observer) with their verifiers (an argon2id
// hash; the TOTP secret only encrypted), staff sessions (token and CSRF token stored as hashes),
// and the append-only audit log. Portable DDL, plus one trigger per dialect that makes the database
// itself refuse UPDATE and DELETE on audit_log (the Store port has no such methods either).
import { PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('administrator', 'trustee', 'observer')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret_encrypted', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('csrf_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('vote_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_vote_idx').on('audit_log').columns(['vote_id', 'seq']).execute();

  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger audit_log_no_${op} before ${op} on audit_log ` +
            `begin select raise(abort, 'audit_log is append-only'); end`,
        )
        .execute(db);
    }
  } else if (adapter instanceof PostgresAdapter) {
    await sql
      .raw(
        `create function audit_log_append_only() returns trigger language plpgsql as $$ ` +
          `begin raise exception 'audit_log is append-only'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        'create trigger audit_log_append_only before update or delete on audit_log ' +
          'for each row execute function audit_log_append_only()',
      )
      .execute(db);
  } else {
    throw new Error('audit_log: no append-only trigger for this dialect');
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Dropping the table drops its triggers (the PostgreSQL function is dropped after it).
  for (const table of ['audit_log', 'staff_sessions', 'staff_accounts']) {
    await db.schema.dropTable(table).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('drop function audit_log_append_only()').execute(db);
  }
}
