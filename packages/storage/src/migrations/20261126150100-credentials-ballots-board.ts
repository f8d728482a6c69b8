// Migration: public credentials, the ballot box (one counted ballot per credential, enforced by a
// partial unique index) and the board's hash-chained events. Portable DDL only.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credentials')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`revoked in (0, 1)`),
    )
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('credentials_pk', ['vote_id', 'credential'])
    .execute();

  await db.schema
    .createTable('ballots')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull())
    .addColumn('ballot', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull().check(sql`counted in (0, 1)`))
    .addPrimaryKeyConstraint('ballots_pk', ['vote_id', 'sequence'])
    .addUniqueConstraint('ballots_tracking_code_uq', ['vote_id', 'tracking_code'])
    .addForeignKeyConstraint('ballots_credential_fk', ['vote_id', 'credential'], 'credentials', [
      'vote_id',
      'credential',
    ])
    .execute();
  // At most one counted ballot per credential, whatever the code above it does.
  await db.schema
    .createIndex('ballots_one_counted_uq')
    .unique()
    .on('ballots')
    .columns(['vote_id', 'credential'])
    .where(sql.ref('counted'), '=', 1)
    .execute();
  await db.schema
    .createIndex('ballots_credential_idx')
    .on('ballots')
    .columns(['vote_id', 'credential'])
    .execute();

  await db.schema
    .createTable('board_events')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_events_pk', ['vote_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['board_events', 'ballots', 'credentials']) {
    await db.schema.dropTable(table).execute();
  }
}
