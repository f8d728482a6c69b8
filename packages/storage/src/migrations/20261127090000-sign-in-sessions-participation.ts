// Migration: member sign-in (one-time codes, sessions), fixed-window rate-limit counters, and the
// participation marks ("this member submitted a ballot in this vote"). Secrets are stored only as
// hashes; a participation mark has no time, credential or tracking code, so it cannot be joined to
// a ballot. Portable DDL only.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Sign-in looks members up by number across unions (the primary key starts with the union).
  await db.schema.createIndex('members_number_idx').on('members').column('member_number').execute();

  await db.schema
    .createTable('login_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('login_codes_member_idx').on('login_codes').columns(['member_number', 'code_hash']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['key', 'window_start'])
    .execute();

  await db.schema
    .createTable('participation')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participation_pk', ['vote_id', 'member_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['participation', 'rate_limit_hits', 'sessions', 'login_codes']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('members_number_idx').execute();
}
