// Opening the installation's SQLite database and the engine over it. The path comes from the global
// `--db` option, else RATIFY_DB, else ./data/ratify.db. Only `ratify init` may create a database:
// every other command refuses a missing file rather than silently starting an empty election.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Engine, createEngine } from '@ratify/engine';
import { type Store, openStore } from '@ratify/storage';
import { makeDir, usage } from './io.ts';
import { dirname } from 'node:path';

export const DEFAULT_DB = './data/ratify.db';

export type GlobalOptions = { readonly db?: string };

export function databasePath(options: GlobalOptions): string {
  return resolve(options.db ?? (process.env['RATIFY_DB'] || DEFAULT_DB));
}

export async function createDatabase(path: string): Promise<Store> {
  await makeDir(dirname(path));
  return openStore(`sqlite:${path}`);
}

/** Runs `fn` with an engine on the existing database, closing it afterwards. */
export async function withEngine<T>(options: GlobalOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const path = databasePath(options);
  if (!existsSync(path)) return usage('no_database', `no database at ${path}: run \`ratify init\` first (or pass --db)`);
  const store = await openStore(`sqlite:${path}`);
  try {
    return await fn(createEngine({ store }));
  } finally {
    await store.close();
  }
}
