// `ratify simulate`: a whole vote with synthetic voters through the real code paths
// (engine.simulateVote) on a fresh in-memory database, its record exported to --out. The summary on
// stdout says it is a SIMULATION; with --seed the randomness is deterministic and NOT secure.
import type { Command } from 'commander';
import { openStore } from '@ratify/storage';
import { createBallotCheckPool, createEngine, ruleOf, simulateVote } from '@ratify/engine';
import type { Cli } from '../cli.ts';
import { emit, say, usage } from '../io.ts';
import { writeRecordDir } from '../record-dir.ts';

type Options = {
  readonly voters: string;
  readonly seed?: string;
  readonly turnout: string;
  readonly yes: string;
  readonly rule: string;
  readonly trustees: string;
  readonly threshold: string;
  readonly revote: string;
  readonly out: string;
};

function share(value: string, name: string): number {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : usage('invalid_option', `--${name} must be a number in [0, 1]`);
}

function count(value: string, name: string, min: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : usage('invalid_option', `--${name} must be an integer ≥ ${min}`);
}

/**
 * With a seed the record must be reproducible byte for byte, so the board's timestamps come from a
 * simulated clock (one hour per reading, from the simulated opening day), not from the wall clock.
 */
function simulatedClock(): () => Date {
  let t = Date.parse('2026-11-02T09:00:00Z');
  return () => new Date((t += 3_600_000));
}

export function registerSimulate(program: Command, cli: Cli): void {
  program
    .command('simulate')
    .description('run a whole SIMULATED vote with synthetic voters and export its record')
    .requiredOption('--voters <n>', 'eligible members')
    .option('--seed <s>', 'deterministic (insecure) randomness, for reproducible runs')
    .option('--turnout <f>', 'share of members who vote', '0.8')
    .option('--yes <f>', 'share of voters who vote yes', '0.6')
    .option('--rule <rule>', 'ratification | supermajority:<n>/<d>', 'ratification')
    .option('--trustees <n>', 'trustees', '3')
    .option('--threshold <k>', 'trustees needed to decrypt', '2')
    .option('--revote <f>', 'share of voters who vote twice', '0.05')
    .requiredOption('--out <dir>', 'where to write the record')
    .action(
      cli.action(async (_globals, o: Options) => {
        const rule = ruleOf(o.rule) ?? usage('invalid_option', `--rule ${o.rule}: expected ratification or supermajority:<n>/<d>`);
        const trustees = count(o.trustees, 'trustees', 1);
        const threshold = count(o.threshold, 'threshold', 1);
        if (threshold > trustees) usage('invalid_option', '--threshold must not exceed --trustees');
        const voters = count(o.voters, 'voters', 1);
        const tty = process.stderr.isTTY === true;
        say(`SIMULATION: ${voters} synthetic voters${o.seed !== undefined ? `, seed "${o.seed}" (deterministic, NOT secure)` : ''}`);
        const store = await openStore(':memory:');
        // Ballots are verified on every core, as the server does (small runs stay in this thread).
        const checker = voters >= 200 ? createBallotCheckPool() : undefined;
        try {
          const engine = createEngine({ store, ...(checker && { checker }), ...(o.seed !== undefined && { now: simulatedClock() }) });
          const { summary, record } = await simulateVote(engine, {
            voters,
            ...(o.seed !== undefined && { seed: o.seed }),
            turnout: share(o.turnout, 'turnout'),
            yes: share(o.yes, 'yes'),
            revote: share(o.revote, 'revote'),
            rule,
            trustees,
            threshold,
            onProgress: (phase, done, total) => {
              if (tty) process.stderr.write(`\r\x1b[K${phase} ${done}/${total}`);
            },
          });
          if (tty) process.stderr.write('\r\x1b[K');
          const files = await writeRecordDir(o.out, record);
          say(`simulated vote ${summary.voteId}: ${summary.outcome}; ${summary.ballotsCast} ballots cast (${summary.revotes} revotes); record in ${o.out}; check it with: ratify verify ${o.out}`);
          emit({ ...summary, record: { dir: o.out, files } });
          return summary.countsMatch ? 0 : 1;
        } finally {
          await checker?.close();
          await store.close();
        }
      }),
    );
}
