// Migration: the admin console's state — vote drafts (a definition waiting for its key ceremony),
// the ceremony's public messages relayed between trustees, and the scheduler's open/close jobs
// (kept here so a restart does not forget them). Portable DDL only.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vote_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ceremony', 'created')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('vote_created_at', 'text')
    /** Number of ceremony messages; updated first when one is added (the draft's lock). */
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('ceremony_messages')
    .addColumn('draft_id', 'text', (c) => c.notNull().references('vote_drafts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ceremony_messages_pk', ['draft_id', 'seq'])
    .addUniqueConstraint('ceremony_messages_key_uq', ['draft_id', 'message_key'])
    .execute();

  await db.schema
    .createTable('vote_schedule')
    .addColumn('vote_id', 'text', (c) => c.primaryKey().references('votes.id'))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('vote_schedule_opens_idx').on('vote_schedule').columns(['opened_at', 'opens_at']).execute();
  await db.schema.createIndex('vote_schedule_closes_idx').on('vote_schedule').columns(['closed_at', 'closes_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['vote_schedule', 'ceremony_messages', 'vote_drafts']) {
    await db.schema.dropTable(table).execute();
  }
}
