// `ratify union add <id> <name>`: registers a union. The id is a slug (protocol ids.ts).
import type { Command } from 'commander';
import { parseUnionId } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, refuse, say } from '../io.ts';

export function registerUnionAdd(union: Command, cli: Cli): void {
  union
    .command('add <id> <name>')
    .description('register a union')
    .action(
      cli.action(async (globals, id: string, name: string) => {
        const unionId = check(parseUnionId(id), 'union id');
        const trimmed = name.trim();
        if (trimmed === '') refuse('invalid_name', 'the union name is empty');
        return withEngine(globals, async ({ store }) => {
          const created = check(await store.members.createUnion({ id: unionId, name: trimmed }), `union ${unionId}`);
          say(`added union ${created.id} (${created.name})`);
          emit({ union: created });
          return 0;
        });
      }),
    );
}
