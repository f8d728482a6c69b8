// Migration: sign-in that an attacker cannot turn into a lock-out (decision 0019). A one-time code
// is bound to the browser that asked for it (`binding_hash`: SHA-256 of a random token held in an
// HttpOnly cookie) and counts its own wrong guesses; code requests wait in `sign_in_requests` (the
// same single write whether or not the member exists) until the sign-in outbox makes and mails the
// code; `staff_devices` remembers the browsers each staff account signed in from, which the global
// per-account slow-down never refuses. Portable DDL only.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Codes made before this migration have no binding: no browser can present one, so they die unused.
  await db.schema.alterTable('login_codes').addColumn('binding_hash', 'text').execute();
  await db.schema.alterTable('login_codes').addColumn('wrong_guesses', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('login_codes_binding_idx').on('login_codes').columns(['member_number', 'binding_hash']).execute();

  await db.schema
    .createTable('sign_in_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_requests_created_idx').on('sign_in_requests').column('created_at').execute();

  await db.schema
    .createTable('staff_devices')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('last_signed_in_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_devices_pk', ['staff_id', 'binding_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_devices').execute();
  await db.schema.dropTable('sign_in_requests').execute();
  await db.schema.dropIndex('login_codes_binding_idx').execute();
  await db.schema.alterTable('login_codes').dropColumn('wrong_guesses').execute();
  await db.schema.alterTable('login_codes').dropColumn('binding_hash').execute();
}
