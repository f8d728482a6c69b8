// Public API of @ratify/storage: the Store port, its domain types, and the adapters' openers.
export type * from './port.ts';
export { openStore, parseStoreUrl, redactStoreUrl, POSTGRES_ADAPTER } from './open-store.ts';
export type { OpenStoreOptions, StoreUrl, StoreUrlError } from './open-store.ts';
export { openSqliteStore } from './sqlite/open-sqlite.ts';
export type { SqliteStoreOptions } from './sqlite/open-sqlite.ts';
export { SqlStore } from './sql/sql-store.ts';
export type { Database } from './sql/schema.ts';
export { MIGRATIONS, migrateAllDown, migrateToLatest } from './migrations/index.ts';
export { VOTE_TRANSITIONS, canTransition } from './sql/votes.ts';
