// `ratify vote context <definition.json>`: checks the definition, makes the vote's random election id
// (128 bits, platform CSPRNG; protocol §M3) and prints (or writes, with --out) the ceremony
// parameters the trustees need: vote id, election id, k, the trustees in order and the ceremony
// context hex that every proof of the ceremony is bound to. Each run makes a new election id: the
// ceremony.json handed to the trustees is the one `ratify vote create` must be given.
import type { Command } from 'commander';
import { ristretto255 } from '@ratify/crypto';
import { generateElectionId } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { ceremonyFileOf } from '../ceremony-files.ts';
import { readDefinition } from '../definition.ts';
import { say, writeText } from '../io.ts';

export function registerVoteContext(vote: Command, cli: Cli): void {
  vote
    .command('context <definition>')
    .description('print the key-ceremony parameters for a vote definition (hand them to the trustees)')
    .option('--out <file>', 'also write them to this ceremony.json')
    .action(
      cli.action(async (_globals, file: string, options: { readonly out?: string }) => {
        const definition = await readDefinition(ristretto255, file);
        const ceremony = ceremonyFileOf({ ...definition, electionId: generateElectionId() });
        const text = `${JSON.stringify(ceremony, null, 2)}\n`;
        if (options.out !== undefined) {
          await writeText(options.out, text);
          say(`wrote ${options.out}: give it to the ${ceremony.trustees.length} trustees (any ${ceremony.threshold} can decrypt)`);
        }
        process.stdout.write(text);
        return 0;
      }),
    );
}

