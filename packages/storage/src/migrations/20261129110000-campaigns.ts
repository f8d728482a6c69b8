// Migration: campaigns (docs/campaigns.md). Adds the staff role `campaign` (a committee's account)
// to staff_accounts' role check, the committees binding such an account to one vote and one side,
// endorsement pages with their signatures (one per member per page), appeals, and the link from an
// approved appeal to the messages it queued. SQLite cannot alter a CHECK constraint, so
// staff_accounts is rebuilt the documented way (sqlite.org/lang_altertable.html, "other kinds of
// table schema changes") from its own stored definition, so columns added by other migrations are kept.
import { PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

const ROLE_CHECK = /check\s*\(\s*"?role"?\s+in\s*\(([^)]*)\)\s*\)/i;

async function rebuildStaffAccounts(db: Kysely<unknown>, roles: (list: string[]) => string[]): Promise<void> {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) {
    const current = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'staff_accounts_role_check'`.execute(db);
    // e.g. CHECK ((role = ANY (ARRAY['administrator'::text, 'trustee'::text, 'observer'::text]))): its quoted literals.
    const list = [...(current.rows[0]?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => `'${m[1]!}'`);
    const next = roles(list).join(', ');
    await sql.raw(`alter table staff_accounts drop constraint staff_accounts_role_check`).execute(db);
    await sql.raw(`alter table staff_accounts add constraint staff_accounts_role_check check (role in (${next}))`).execute(db);
    return;
  }
  if (!(adapter instanceof SqliteAdapter)) throw new Error('campaigns migration: unsupported dialect');
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'staff_accounts'`.execute(db);
  const definition = table.rows[0]?.sql;
  const match = definition === undefined ? null : ROLE_CHECK.exec(definition);
  if (definition === undefined || match === null) throw new Error('campaigns migration: staff_accounts has no role check to extend');
  const list = roles(match[1]!.split(',').map((r) => r.trim()).filter((r) => r !== ''));
  const rebuilt = definition
    .replace(ROLE_CHECK, `check (role in (${list.join(', ')}))`)
    .replace(/^create table\s+"?staff_accounts"?/i, 'create table "staff_accounts_rebuilt"');
  const extras = await sql<{ sql: string }>`select sql from sqlite_master where tbl_name = 'staff_accounts' and type in ('index', 'trigger') and sql is not null`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await sql.raw(rebuilt).execute(db);
      await sql.raw('insert into staff_accounts_rebuilt select * from staff_accounts').execute(db);
      await sql.raw('drop table staff_accounts').execute(db);
      await sql.raw('alter table staff_accounts_rebuilt rename to staff_accounts').execute(db);
      for (const extra of extras.rows) await sql.raw(extra.sql).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('campaigns migration: foreign keys broken by the rebuild');
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildStaffAccounts(db, (list) => (list.includes("'campaign'") ? list : [...list, "'campaign'"]));

  await db.schema
    .createTable('campaign_committees')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff_accounts.id'))
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('for', 'against')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_committees_vote_idx').on('campaign_committees').columns(['vote_id', 'side']).execute();

  await db.schema
    .createTable('endorsement_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('for', 'against')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('endorsement_pages_vote_idx').on('endorsement_pages').columns(['vote_id']).execute();

  await db.schema
    .createTable('endorsements')
    .addColumn('page_id', 'text', (c) => c.notNull().references('endorsement_pages.id'))
    .addColumn('union_id', 'text', (c) => c.notNull())
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('shown_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('endorsements_pk', ['page_id', 'union_id', 'member_number'])
    .execute();
  await db.schema.createIndex('endorsements_member_idx').on('endorsements').columns(['union_id', 'member_number']).execute();

  await db.schema
    .createTable('campaign_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'text', (c) => c.notNull().references('votes.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('for', 'against')`))
    .addColumn('committee_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('committee_name', 'text', (c) => c.notNull())
    .addColumn('subject_en', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('subject_es', 'text')
    .addColumn('body_es', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('recipients', 'integer')
    .execute();
  await db.schema.createIndex('campaign_appeals_vote_idx').on('campaign_appeals').columns(['vote_id', 'side', 'status']).execute();

  await db.schema
    .createTable('campaign_appeal_mail')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('campaign_appeals.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('mail_messages.id'))
    .addPrimaryKeyConstraint('campaign_appeal_mail_pk', ['appeal_id', 'message_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('campaign_appeal_mail').execute();
  await db.schema.dropTable('campaign_appeals').execute();
  await db.schema.dropTable('endorsements').execute();
  await db.schema.dropTable('endorsement_pages').execute();
  await db.schema.dropTable('campaign_committees').execute();
  // Campaign accounts cannot outlive their role: their sessions and the accounts go first.
  await sql`delete from staff_sessions where staff_id in (select id from staff_accounts where role = 'campaign')`.execute(db);
  await sql`delete from staff_accounts where role = 'campaign'`.execute(db);
  await rebuildStaffAccounts(db, (list) => list.filter((r) => r !== "'campaign'"));
}
