// `ratify roll list <union>`: the union's current roll (member number, name, email, standing, unit)
// as imported. For the administrator: it names people, so it is never part of a public record.
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { emit, refuse, say } from '../io.ts';

export function registerRollList(roll: Command, cli: Cli): void {
  roll
    .command('list <union>')
    .description('list a union\'s roll')
    .action(
      cli.action(async (globals, unionId: string) =>
        withEngine(globals, async ({ store }) => {
          if (!(await store.members.getUnion(unionId))) refuse('union_not_found', `no union ${unionId}`);
          const members = await store.members.listMembers(unionId);
          const eligible = members.filter((m) => m.goodStanding).length;
          say(`${unionId}: ${members.length} members, ${eligible} in good standing`);
          emit({
            union: unionId,
            count: members.length,
            eligible,
            members: members.map((m) => ({ memberNumber: m.memberNumber, name: m.name, email: m.email, goodStanding: m.goodStanding, unit: m.unit })),
          });
          return 0;
        }),
      ),
    );
}
