// Migration: the bargaining tracker (docs/bargaining.md): contracts and their status history,
// bargaining sessions, offers (canonical JSON text) and documents (bytes as base64 text, so the
// same DDL serves SQLite and PostgreSQL). At most one final offer per contract is enforced by a
// unique index on final_key (the contract id when the offer is final, null otherwise). Portable DDL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bargaining_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('covered_unit', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('expiry_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contract_status_events')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('bargaining_contracts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_status_events_pk', ['contract_id', 'seq'])
    .execute();

  await db.schema
    .createTable('bargaining_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('bargaining_contracts.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute();
  await db.schema.createIndex('bargaining_sessions_contract_idx').on('bargaining_sessions').columns(['contract_id', 'date']).execute();

  await db.schema
    .createTable('bargaining_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('bargaining_contracts.id'))
    .addColumn('final_key', 'text', (c) => c.unique())
    .addColumn('offer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bargaining_offers_contract_idx').on('bargaining_offers').columns(['contract_id']).execute();

  await db.schema
    .createTable('bargaining_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('bargaining_contracts.id'))
    .addColumn('offer_id', 'text', (c) => c.references('bargaining_offers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bargaining_documents_contract_idx').on('bargaining_documents').columns(['contract_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bargaining_documents').execute();
  await db.schema.dropTable('bargaining_offers').execute();
  await db.schema.dropTable('bargaining_sessions').execute();
  await db.schema.dropTable('contract_status_events').execute();
  await db.schema.dropTable('bargaining_contracts').execute();
}
