// `ratify export <vote> <dir>`: writes the vote's election record (board.jsonl and its extracts,
// record.json) for anyone to check with `ratify verify <dir>`. All of it is public.
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, say, voteIdArg } from '../io.ts';
import { writeRecordDir } from '../record-dir.ts';

export function registerExport(program: Command, cli: Cli): void {
  program
    .command('export <vote> <dir>')
    .description('write the vote\'s public election record to a directory')
    .action(
      cli.action(async (globals, voteIdText: string, dir: string) =>
        withEngine(globals, async (engine) => {
          const voteId = voteIdArg(voteIdText);
          const files = check(await engine.exportRecord(voteId), `record of ${voteId}`);
          const names = await writeRecordDir(dir, files);
          const index = JSON.parse(files.get('record.json')!) as { boardHead: string; events: number };
          say(`wrote the record of ${voteId} to ${dir} (${index.events} board events); check it with: ratify verify ${dir}`);
          emit({ voteId, dir, files: names, boardHead: index.boardHead, events: index.events });
          return 0;
        }),
      ),
    );
}
