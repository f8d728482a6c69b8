// `ratify vote open <vote>` and `ratify vote close <vote>`: the two state changes an administrator
// makes by hand. Closing computes the encrypted tally and puts it on the board (engine.closeVote).
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, say } from '../io.ts';

export function registerVoteOpenClose(vote: Command, cli: Cli): void {
  vote
    .command('open <vote>')
    .description('open a vote for ballots (credentials must be published)')
    .action(
      cli.action(async (globals, voteId: string) =>
        withEngine(globals, async (engine) => {
          check(await engine.openVote(voteId), `open ${voteId}`);
          const head = await engine.store.board.head(voteId);
          say(`vote ${voteId} is open`);
          emit({ voteId, status: 'open', boardHead: head?.hash ?? null });
          return 0;
        }),
      ),
    );
  vote
    .command('close <vote>')
    .description('close a vote and compute its encrypted tally')
    .action(
      cli.action(async (globals, voteId: string) =>
        withEngine(globals, async (engine) => {
          check(await engine.closeVote(voteId), `close ${voteId}`);
          const ballots = await engine.store.ballots.listBallots(voteId);
          const head = await engine.store.board.head(voteId);
          const counted = ballots.filter((b) => b.counted).length;
          say(`vote ${voteId} is closed: ${ballots.length} ballots accepted, ${counted} counted; trustees can now decrypt the tally`);
          emit({ voteId, status: 'closed', ballotsAccepted: ballots.length, ballotsCounted: counted, boardHead: head?.hash ?? null });
          return 0;
        }),
      ),
    );
}
