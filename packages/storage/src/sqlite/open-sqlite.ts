// The SQLite adapter: better-sqlite3 (WAL, foreign keys on, FULL sync so an accepted ballot survives
// a power cut) under Kysely's SqliteDialect, migrated to the latest schema. Only SQLite specifics
// live here; queries are shared with every SQL adapter (../sql/).
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations/index.ts';
import type { DialectHooks } from '../sql/context.ts';
import type { Database as Schema } from '../sql/schema.ts';
import { SqlStore } from '../sql/sql-store.ts';

export interface SqliteStoreOptions {
  /** Clock for stored timestamps (ISO 8601 text); tests pass a fixed one. */
  readonly now?: () => Date;
}

export const sqliteHooks: DialectHooks = {
  name: 'sqlite',
  isUniqueViolation: (error) =>
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
  // better-sqlite3 is one connection and Kysely runs one transaction on it at a time.
  serialize: async () => undefined,
};

/** Opens (creating if needed) a SQLite database at `path`, or in memory for ':memory:'. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqlStore> {
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const now = options.now ?? (() => new Date());
  return new SqlStore({ db, hooks: sqliteHooks, now: () => now().toISOString() });
}
