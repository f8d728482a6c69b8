// `ratify init`: creates (or migrates) the SQLite database. Idempotent: an existing database is
// migrated to the latest schema and kept.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { createDatabase, databasePath } from '../db.ts';
import { emit, say } from '../io.ts';

export function registerInit(program: Command, cli: Cli): void {
  program
    .command('init')
    .description('create the database (at --db, $RATIFY_DB or ./data/ratify.db)')
    .action(
      cli.action(async (globals) => {
        const path = databasePath(globals);
        const existed = existsSync(path);
        const store = await createDatabase(path);
        await store.close();
        say(existed ? `database ${path} already exists; schema is up to date` : `created database ${path}`);
        emit({ database: path, created: !existed });
        return 0;
      }),
    );
}
