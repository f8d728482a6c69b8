// `ratify roll import <union> <file.csv>`: validates the whole file first (protocol parseRollCsv:
// strict UTF-8, header, every row) and imports nothing if any row is bad, naming each problem by
// line, column and reason. A good file replaces the union's membership in one transaction.
import type { Command } from 'commander';
import { parseRollCsv } from '@ratify/protocol/roll';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, readBytes, refuse, say, emit } from '../io.ts';

export function registerRollImport(roll: Command, cli: Cli): void {
  roll
    .command('import <union> <file>')
    .description('replace a union\'s roll with a CSV file (member_number,name,email,good_standing[,unit])')
    .action(
      cli.action(async (globals, unionId: string, file: string) => {
        const bytes = await readBytes(file);
        return withEngine(globals, async ({ store }) => {
          if (!(await store.members.getUnion(unionId))) refuse('union_not_found', `no union ${unionId}: add it with \`ratify union add\``);
          const parsed = parseRollCsv(bytes);
          if (!parsed.ok) {
            for (const issue of parsed.issues) say(`${file}: ${issue.message}`);
            return refuse('invalid_roll', `${file}: ${parsed.issues.length} problem(s); nothing was imported`, {
              issues: parsed.issues.map((i) => ({ code: i.code, line: i.line, column: i.column, relatedLine: i.relatedLine, message: i.message })),
            });
          }
          const summary = check(await store.members.importRoll(unionId, parsed.value), `roll of ${unionId}`);
          say(`imported ${parsed.value.length} members into ${unionId} (${summary.eligible} in good standing)`);
          emit({ union: unionId, rows: parsed.value.length, ...summary });
          return 0;
        });
      }),
    );
}
