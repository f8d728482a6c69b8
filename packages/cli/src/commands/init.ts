// `ratify init`: creates (or migrates) the database. Idempotent: an existing database is migrated to
// the latest schema and kept. A location this build cannot serve is refused before anything is made.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { createDatabase, databaseLocation, shownLocation } from '../db.ts';
import { emit, say } from '../io.ts';

export function registerInit(program: Command, cli: Cli): void {
  program
    .command('init')
    .description('create the database (at --db, $RATIFY_DB or ./data/ratify.db; a SQLite path or a store URL this build serves)')
    .action(
      cli.action(async (globals) => {
        const location = databaseLocation(globals);
        const shown = shownLocation(location);
        // A server database is created by its operator; init migrates it (existed: unknown, say so).
        const existed = location.kind === 'sqlite' ? existsSync(location.path) : null;
        const store = await createDatabase(location);
        await store.close();
        say(existed === null ? `database ${shown}: schema is up to date` : existed ? `database ${shown} already exists; schema is up to date` : `created database ${shown}`);
        emit({ database: shown, created: existed === null ? false : !existed });
        return 0;
      }),
    );
}
