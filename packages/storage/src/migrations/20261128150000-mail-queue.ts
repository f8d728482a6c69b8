// Migration: the outgoing mail queue (one row per message, body sealed by the server before it is
// stored and blanked once the message is sent or given up), its delivery log (queued, sent, retry,
// failed, bounced — one row per step), and an optional preferred language per member (en when
// null). Portable DDL only.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('language', 'text').execute();

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('vote_id', 'text', (c) => c.references('votes.id'))
    .addColumn('member_number', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('sealed_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_messages_due_idx').on('mail_messages').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_messages_vote_idx').on('mail_messages').columns(['vote_id', 'kind']).execute();

  await db.schema
    .createTable('mail_events')
    .addColumn('message_id', 'text', (c) => c.notNull().references('mail_messages.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_events_pk', ['message_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_events').execute();
  await db.schema.dropTable('mail_messages').execute();
  await db.schema.alterTable('members').dropColumn('language').execute();
}
