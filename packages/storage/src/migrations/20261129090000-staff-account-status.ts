// Migration: staff accounts can be disabled (disabled_at set: sign-in refused, sessions gone). Portable DDL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_accounts').addColumn('disabled_at', 'text').execute();
  await db.schema.createIndex('staff_sessions_expires_idx').on('staff_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('staff_sessions_expires_idx').execute();
  await db.schema.alterTable('staff_accounts').dropColumn('disabled_at').execute();
}
