// `ratify tally <vote>`: once k trustees' partial decryptions are on the board, combines them,
// recovers the counts, evaluates every rule exactly and publishes the result (engine.publishResult).
// Prints the result (record-format §6), each outcome in words and what it triggers (protocol §M7).
import type { Command } from 'commander';
import { toWireResult } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, say } from '../io.ts';
import { describeResult } from '../words.ts';

export function registerTally(program: Command, cli: Cli): void {
  program
    .command('tally <vote>')
    .description('combine the trustees\' partial decryptions and publish the result')
    .action(
      cli.action(async (globals, voteId: string) =>
        withEngine(globals, async (engine) => {
          const result = check(await engine.publishResult(voteId), `tally of ${voteId}`);
          const { manifest } = check(await engine.context(voteId), voteId);
          const outcomes = describeResult(manifest, result);
          const head = await engine.store.board.head(voteId);
          say(`${manifest.title}: ${result.turnout.voted} of ${result.turnout.eligible} eligible voted; decrypted by trustees ${result.decryptedBy.join(', ')}`);
          for (const o of outcomes) say(`  ${o.questionId}: ${o.words}`);
          for (const f of result.followUps ?? []) say(`  what follows ${f.questionId} (${f.kind}${f.title !== undefined ? `: ${f.title}` : ''}): ${f.text}`);
          emit({ voteId, status: 'published', result: toWireResult(result), outcomes, boardHead: head?.hash ?? null });
          return 0;
        }),
      ),
    );
}
