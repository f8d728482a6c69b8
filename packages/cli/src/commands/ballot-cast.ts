// `ratify ballot cast <vote> <ballot.json> [--receipt <file>]`: receives a ballot as the server does
// (engine.castBallot: strict parse, every proof and the signature, credential on the list, revote
// policy, board event). Prints the tracking code, for a revote the code of the ballot it replaced,
// and the receipt (docs/record-format.md §7), which `--receipt` also writes to a file for
// `ratify verify --receipt`.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatTrackingCode, toWireReceipt } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, readText, refuse, say, voteIdArg, writeText } from '../io.ts';

export function registerBallotCast(ballot: Command, cli: Cli): void {
  ballot
    .command('cast <vote> <ballot>')
    .description('cast a ballot file into a vote; prints the receipt')
    .option('--receipt <file>', 'also write the receipt to this file (never overwritten)')
    .action(
      cli.action(async (globals, voteIdText: string, file: string, options: { readonly receipt?: string }) => {
        const voteId = voteIdArg(voteIdText);
        if (options.receipt !== undefined && existsSync(options.receipt)) refuse('file_exists', `${options.receipt} exists: a receipt file is never overwritten`);
        const text = await readText(file);
        return withEngine(globals, async (engine) => {
          const cast = check(await engine.castBallot(voteId, text), `ballot ${file} refused`);
          say(
            `accepted into ${voteId}: tracking code ${formatTrackingCode(cast.trackingCode)}` +
              (cast.superseded ? ` (replaces ${formatTrackingCode(cast.superseded)})` : ''),
          );
          if (options.receipt !== undefined) {
            await writeText(options.receipt, `${toWireReceipt(cast.receipt)}\n`);
            say(`receipt written to ${options.receipt}: keep it to check the record with ratify verify --receipt`);
          }
          emit({ voteId, trackingCode: cast.trackingCode, superseded: cast.superseded, sequence: cast.sequence, boardHead: cast.boardHead, receipt: cast.receipt });
          return 0;
        });
      }),
    );
}
