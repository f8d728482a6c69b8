// Migration: linked follow-up votes — which draft an administrator started from a published
// result's triggered follow-up (parent vote, question, declared outcome), by whom and when, and
// whether that draft was discarded (then the follow-up may be started again). At most one live
// (not discarded) start per parent question, and per child id. Portable DDL only.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('follow_up_links')
    .addColumn('child_draft_id', 'text', (c) => c.notNull())
    .addColumn('parent_vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('discarded_at', 'text')
    .execute();
  await db.schema
    .createIndex('follow_up_links_live_uq')
    .on('follow_up_links')
    .columns(['parent_vote_id', 'question_id'])
    .unique()
    .where(sql.ref('discarded_at'), 'is', null)
    .execute();
  // A discarded draft's id may be used again by a later start.
  await db.schema.createIndex('follow_up_links_child_uq').on('follow_up_links').column('child_draft_id').unique().where(sql.ref('discarded_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('follow_up_links').execute();
}
