// Opening the installation's database and the engine over it. The location comes from the global
// `--db` option, else RATIFY_DB, else ./data/ratify.db: a SQLite file path, or a store URL
// (`sqlite:<path>`, `postgres://…`) that @ratify/storage's parseStoreUrl says this build can serve —
// anything else is refused before a file or directory is made, so a database URL (and its
// password) never becomes a path on disk. Only `ratify init` may create a database: every other
// command refuses a missing SQLite file rather than silently starting an empty election.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Engine, createEngine } from '@ratify/engine';
import { type Store, openStore, parseStoreUrl, redactStoreUrl } from '@ratify/storage';
import { makeDir, usage } from './io.ts';

export const DEFAULT_DB = './data/ratify.db';

export type GlobalOptions = { readonly db?: string };

/** Where the database is: a SQLite file, or a server database by URL. */
export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string; readonly shown: string };

/** `scheme:` at the start (a URL), as opposed to a relative or absolute path. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `user:password@host…` with the scheme left off: a URL typed without its scheme, never a file name. */
const CREDENTIALS = /^[^/]*:[^/]*@/;

/** Reads `--db` / RATIFY_DB; refuses (exit 2, `unsupported_database`) what this build cannot serve. */
export function databaseLocation(options: GlobalOptions): DatabaseLocation {
  const given = options.db ?? (process.env['RATIFY_DB'] || DEFAULT_DB);
  if (CREDENTIALS.test(given)) {
    const shown = given.replace(/^([^/:]*):[^/]*@/, '$1:***@');
    return usage('unsupported_database', `${shown} looks like a database URL without its scheme; give a SQLite path, or sqlite:<path>`);
  }
  if (!SCHEME.test(given) || given === ':memory:') return { kind: 'sqlite', path: resolve(given) };
  const parsed = parseStoreUrl(given);
  if (!parsed.ok) return usage('unsupported_database', parsed.detail ?? parsed.error);
  switch (parsed.value.kind) {
    case 'sqlite':
      return { kind: 'sqlite', path: parsed.value.path === ':memory:' ? ':memory:' : resolve(parsed.value.path) };
    case 'postgres':
      return { kind: 'url', url: given, shown: redactStoreUrl(given) };
  }
}

/** What to print for a location (never a password). */
export function shownLocation(location: DatabaseLocation): string {
  return location.kind === 'sqlite' ? location.path : location.shown;
}

const storeUrl = (location: DatabaseLocation) => (location.kind === 'sqlite' ? `sqlite:${location.path}` : location.url);

export async function createDatabase(location: DatabaseLocation): Promise<Store> {
  if (location.kind === 'sqlite' && location.path !== ':memory:') await makeDir(dirname(location.path));
  return openStore(storeUrl(location));
}

/** Runs `fn` with an engine on the existing database, closing it afterwards. */
export async function withEngine<T>(options: GlobalOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const location = databaseLocation(options);
  if (location.kind === 'sqlite' && !existsSync(location.path)) {
    return usage('no_database', `no database at ${location.path}: run \`ratify init\` first (or pass --db)`);
  }
  const store = await openStore(storeUrl(location));
  try {
    return await fn(createEngine({ store }));
  } finally {
    await store.close();
  }
}
