// `ratify trustee submit <vote> <partial.json>`: the administrator receives a trustee's partial
// decryption; the engine verifies its proofs against the trustee's public key share before putting
// it on the board. Prints how many of the k needed have arrived.
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, readText, say, voteIdArg } from '../io.ts';

export function registerTrusteeSubmit(trustee: Command, cli: Cli): void {
  trustee
    .command('submit <vote> <partial>')
    .description('verify a trustee\'s partial decryption and put it on the board')
    .action(
      cli.action(async (globals, voteIdText: string, file: string) => {
        const voteId = voteIdArg(voteIdText);
        const text = await readText(file);
        return withEngine(globals, async (engine) => {
          const r = check(await engine.submitPartialDecryption(voteId, text), `partial decryption ${file} refused`);
          say(`trustee ${r.trustee}'s partial decryption verified: ${r.received} of ${r.threshold} needed` + (r.received >= r.threshold ? '; run `ratify tally`' : ''));
          emit({ voteId, ...r, ready: r.received >= r.threshold });
          return 0;
        });
      }),
    );
}
