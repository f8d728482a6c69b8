// The glue every command file uses: `action(fn)` runs a command body, turns a CliFailure (or an
// I/O error) into the documented output and exit code, and records the exit code for main().
// Must not know any command.
import type { Command } from 'commander';
import { CliFailure, EXIT_USAGE, printFailure, say } from './io.ts';
import type { GlobalOptions } from './db.ts';

export type CommandBody<A extends unknown[]> = (globals: GlobalOptions, ...args: A) => Promise<number>;

export type Cli = {
  /** Wraps a command body for commander's `.action`. */
  readonly action: <A extends unknown[]>(body: CommandBody<A>) => (...args: unknown[]) => Promise<void>;
  readonly exitCode: () => number;
};

export function createCli(): Cli {
  let code = 0;
  return {
    exitCode: () => code,
    action:
      <A extends unknown[]>(body: CommandBody<A>) =>
      async (...args: unknown[]) => {
        // commander passes (…positional, options, command); globals come from the command chain.
        const command = args.at(-1) as Command;
        const globals = command.optsWithGlobals<GlobalOptions>();
        const positional = args.slice(0, -1) as A; // …positional arguments, then the options object
        try {
          code = await body(globals, ...positional);
        } catch (error) {
          if (error instanceof CliFailure) {
            printFailure(error);
            code = error.exitCode;
          } else {
            printFailure(new CliFailure('internal_error', `unexpected error: ${error instanceof Error ? error.message : String(error)}`, EXIT_USAGE));
            if (error instanceof Error && error.stack) say(error.stack);
            code = EXIT_USAGE;
          }
        }
      },
  };
}

/** Collects a repeatable option (`--answer a=b --answer c=d`). */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];
