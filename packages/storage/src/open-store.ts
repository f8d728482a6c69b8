// openStore(url): picks the adapter from a URL. The server's main.ts and the CLI's db.ts are its
// callers. `sqlite:<path>`, `sqlite::memory:` or `:memory:`; `postgres://…` or `postgresql://…`.
import type { Store } from './port.ts';
import { openPostgresStore } from './postgres/open-postgres.ts';
import type { PostgresStoreOptions } from './postgres/open-postgres.ts';
import { openSqliteStore } from './sqlite/open-sqlite.ts';
import type { SqliteStoreOptions } from './sqlite/open-sqlite.ts';

export type OpenStoreOptions = SqliteStoreOptions & PostgresStoreOptions;

/** Which adapter serves `url`, or null if none does. */
export function storeKind(url: string): 'sqlite' | 'postgres' | null {
  if (url === ':memory:' || (url.startsWith('sqlite:') && url.length > 'sqlite:'.length)) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  return null;
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (url === ':memory:') return openSqliteStore(':memory:', options);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new Error('openStore: sqlite: needs a path or :memory:');
    return openSqliteStore(path, options);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresStore(url, options);
  throw new Error(`openStore: unsupported store URL "${url.split(':')[0]}:"`);
}
