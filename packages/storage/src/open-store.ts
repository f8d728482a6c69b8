// openStore(url): picks the adapter from a URL. The server's main.ts is its only production caller.
// `sqlite:<path>`, `sqlite::memory:` or `:memory:`; `postgres://…` once that adapter lands.
import type { Store } from './port.ts';
import { openSqliteStore } from './sqlite/open-sqlite.ts';
import type { SqliteStoreOptions } from './sqlite/open-sqlite.ts';

export type OpenStoreOptions = SqliteStoreOptions;

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (url === ':memory:') return openSqliteStore(':memory:', options);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new Error('openStore: sqlite: needs a path or :memory:');
    return openSqliteStore(path, options);
  }
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) {
    throw new Error('openStore: the PostgreSQL adapter is not implemented yet');
  }
  throw new Error(`openStore: unsupported store URL "${url.split(':')[0]}:"`);
}
