// `ratify ballot cast <vote> <ballot.json>`: receives a ballot as the server does (engine.castBallot:
// strict parse, every proof and the signature, credential on the list, revote policy, board event).
// Prints the tracking code and, for a revote, the code of the ballot it replaced.
import type { Command } from 'commander';
import { formatTrackingCode } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, readText, say, voteIdArg } from '../io.ts';

export function registerBallotCast(ballot: Command, cli: Cli): void {
  ballot
    .command('cast <vote> <ballot>')
    .description('cast a ballot file into a vote')
    .action(
      cli.action(async (globals, voteIdText: string, file: string) => {
        const voteId = voteIdArg(voteIdText);
        const text = await readText(file);
        return withEngine(globals, async (engine) => {
          const cast = check(await engine.castBallot(voteId, text), `ballot ${file} refused`);
          say(
            `accepted into ${voteId}: tracking code ${formatTrackingCode(cast.trackingCode)}` +
              (cast.superseded ? ` (replaces ${formatTrackingCode(cast.superseded)})` : ''),
          );
          emit({ voteId, trackingCode: cast.trackingCode, superseded: cast.superseded, sequence: cast.sequence, boardHead: cast.boardHead });
          return 0;
        });
      }),
    );
}
