// openStore(url): picks the adapter from a URL; parseStoreUrl(url) says, before anything is opened or
// created, whether this build can serve that URL — the one place that knows which adapters exist, so
// the server and the CLI refuse what they cannot serve with the same clear error. `sqlite:<path>`,
// `sqlite::memory:` or `:memory:`; `postgres://…` / `postgresql://…` once the PostgreSQL adapter is in
// the build (POSTGRES_ADAPTER below). Messages never repeat a URL's password (redactStoreUrl).
import { type Result, err, ok } from '@ratify/crypto';
import type { Store } from './port.ts';
import { openSqliteStore } from './sqlite/open-sqlite.ts';
import type { SqliteStoreOptions } from './sqlite/open-sqlite.ts';

export type OpenStoreOptions = SqliteStoreOptions;

/** Whether this build has the PostgreSQL adapter (the store-pg work sets it when the adapter lands). */
export const POSTGRES_ADAPTER = false;

export type StoreUrl =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type StoreUrlError = 'unsupported_store_url' | 'adapter_unavailable' | 'invalid_store_url';

/** `url` with any password replaced by `***` (for messages and logs). */
export function redactStoreUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@');
}

/** What `url` names and whether this build can serve it; nothing is opened or created. */
export function parseStoreUrl(url: string): Result<StoreUrl, StoreUrlError> {
  if (url === ':memory:') return ok({ kind: 'sqlite', path: ':memory:' });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return path === '' ? err('invalid_store_url', 'sqlite: needs a path (sqlite:./data/ratify.db) or :memory:') : ok({ kind: 'sqlite', path });
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!POSTGRES_ADAPTER) return err('adapter_unavailable', `this build of Ratify has no PostgreSQL adapter, so it cannot serve ${redactStoreUrl(url)}; use SQLite (sqlite:<path>)`);
    return ok({ kind: 'postgres', url });
  }
  return err('unsupported_store_url', `Ratify cannot serve a "${scheme ?? ''}:" database (${redactStoreUrl(url)}); use sqlite:<path>${POSTGRES_ADAPTER ? ' or postgres://…' : ''}`);
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const parsed = parseStoreUrl(url);
  if (!parsed.ok) throw new Error(`openStore: ${parsed.detail ?? parsed.error}`);
  switch (parsed.value.kind) {
    case 'sqlite':
      return openSqliteStore(parsed.value.path, options);
    case 'postgres':
      throw new Error('openStore: POSTGRES_ADAPTER is set but no adapter is wired here');
  }
}
