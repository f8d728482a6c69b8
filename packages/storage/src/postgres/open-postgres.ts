// The PostgreSQL adapter: node-postgres (`pg`) pool under Kysely's PostgresDialect, migrated to the
// latest schema (Kysely's migrator takes a PostgreSQL advisory lock, so servers starting together
// migrate once). Only PostgreSQL specifics live here; queries are shared with every SQL adapter
// (../sql/). Isolation is READ COMMITTED: every invariant that spans rows takes a lock (the vote
// row's counters for ballots and the board, advisory locks via `serialize`), see decision 0015.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrations/index.ts';
import type { DialectHooks } from '../sql/context.ts';
import type { Database as Schema } from '../sql/schema.ts';
import { SqlStore } from '../sql/sql-store.ts';

export interface PostgresStoreOptions {
  /** Clock for stored timestamps (ISO 8601 text); tests pass a fixed one. */
  readonly now?: () => Date;
  /** Pool size (default 10). */
  readonly maxConnections?: number;
}

const UNIQUE_VIOLATION = '23505';

export const postgresHooks: DialectHooks = {
  name: 'postgres',
  isUniqueViolation: (error) => error instanceof Error && 'code' in error && error.code === UNIQUE_VIOLATION,
  // A transaction-scoped advisory lock on the key's hash: held until commit or rollback.
  serialize: async (db, key) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  },
};

/** The schema new tables go to (search_path's first), where Kysely's migration tables must live too. */
export async function currentSchema(db: Kysely<Schema>): Promise<string> {
  const row = (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0];
  if (row?.schema === null || row?.schema === undefined) throw new Error('PostgreSQL: no current schema (check search_path)');
  return row.schema;
}

/** Opens a PostgreSQL database from a `postgres://` URL, migrating it to the latest schema. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle client's error (the server restarted, the connection dropped) must not crash the process;
  // the pool discards that client and the next query gets a fresh one.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, await currentSchema(db));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  return new SqlStore({ db, hooks: postgresHooks, now: () => now().toISOString() });
}
