// `ratify roll duals <unionA> <unionB>`: members on both unions' rolls (same email). Each gets one
// ballot per union; this list is for the administrator (it names people, so it is not public).
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { emit, refuse, say } from '../io.ts';

export function registerRollDuals(roll: Command, cli: Cli): void {
  roll
    .command('duals <unionA> <unionB>')
    .description('list members on both unions\' rolls (matched by email)')
    .action(
      cli.action(async (globals, first: string, second: string) =>
        withEngine(globals, async ({ store }) => {
          for (const id of [first, second]) if (!(await store.members.getUnion(id))) refuse('union_not_found', `no union ${id}`);
          const duals = await store.members.listDualMembers(first, second);
          say(`${duals.length} member(s) on both ${first} and ${second}`);
          emit({
            unions: [first, second],
            count: duals.length,
            members: duals.map((d) => ({
              email: d.email,
              [first]: { memberNumber: d.first.memberNumber, name: d.first.name, goodStanding: d.first.goodStanding },
              [second]: { memberNumber: d.second.memberNumber, name: d.second.name, goodStanding: d.second.goodStanding },
            })),
          });
          return 0;
        }),
      ),
    );
}
