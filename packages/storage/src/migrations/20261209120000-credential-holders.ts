// Migration: the private link between a public credential and the member it was issued to
// (docs/decisions/0018-receipts-and-member-credentials.md). The server needs it to refuse a ballot
// that a signed-in member casts with someone else's credential, and "has voted" is derived from it
// joined with the counted ballots — so the participation marks, a second source of truth that could
// disagree with the board, are dropped. This table is never exported and never on the board.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credential_holders')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('credential_holders_pk', ['vote_id', 'credential'])
    .execute();
  await db.schema.createIndex('credential_holders_member_idx').on('credential_holders').columns(['vote_id', 'member_number']).execute();
  await db.schema.dropTable('participation').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participation')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participation_pk', ['vote_id', 'member_number'])
    .execute();
  await db.schema.dropIndex('credential_holders_member_idx').execute();
  await db.schema.dropTable('credential_holders').execute();
}
