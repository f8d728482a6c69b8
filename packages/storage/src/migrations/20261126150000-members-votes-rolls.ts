// Migration: unions, members, votes, frozen rolls and their audited events. Portable DDL only
// (text/integer columns, 0/1 flags, ISO text times) so SQLite and PostgreSQL run the same file.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('good_standing', 'integer', (c) => c.notNull().check(sql`good_standing in (0, 1)`))
    .addColumn('unit', 'text')
    .addPrimaryKeyConstraint('members_pk', ['union_id', 'member_number'])
    .execute();
  await db.schema.createIndex('members_email_idx').on('members').columns(['email', 'union_id']).execute();

  await db.schema
    .createTable('votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'open', 'closed', 'tallied', 'published')`),
    )
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ballot_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('board_length', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('rolls')
    .addColumn('vote_id', 'text', (c) => c.primaryKey().references('votes.id'))
    .addColumn('union_id', 'text', (c) => c.notNull().references('unions.id'))
    .addColumn('record_date', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addColumn('frozen_count', 'integer', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('roll_entries')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('rolls.vote_id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('eligible', 'removed', 'challenged')`),
    )
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('frozen', 'added')`))
    .addPrimaryKeyConstraint('roll_entries_pk', ['vote_id', 'member_number'])
    .execute();

  await db.schema
    .createTable('roll_events')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('rolls.vote_id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('added', 'removed', 'challenged')`))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('roll_events_pk', ['vote_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['roll_events', 'roll_entries', 'rolls', 'votes', 'members', 'unions']) {
    await db.schema.dropTable(table).execute();
  }
}
