// What every `ratify trustee` ceremony step shares: the options (--ceremony, --secret, --dir/--out),
// loading the parameters and the messages received so far, and refusing early with the ceremony's
// own status when a step comes too soon or the ceremony has failed.
import type { Command } from 'commander';
import { type CeremonyMessage, type CeremonyStatus, type Group, type ThresholdParameters, checkCeremony, ristretto255 } from '@ratify/crypto';
import { type CeremonyFile, readCeremonyFile, readMessages } from './ceremony-files.ts';
import { refuse, usage } from './io.ts';
import type { Cli } from './cli.ts';
import { type TrusteeSecret, assertSameCeremony, readSecret } from './trustee-secret.ts';

export type StepOptions = { readonly ceremony: string; readonly secret: string; readonly dir?: string; readonly out?: string };

export function stepOptions(command: Command): Command {
  return command
    .requiredOption('--ceremony <file>', 'ceremony.json from the administrator')
    .requiredOption('--secret <file>', 'this trustee\'s secret state file (mode 0600)')
    .option('--dir <dir>', 'directory of the ceremony\'s public message files (read)')
    .option('--out <dir>', 'where to write this step\'s public message (default: --dir)');
}

export type StepContext = {
  readonly ceremony: CeremonyFile;
  readonly parameters: ThresholdParameters;
  readonly readDir: string;
  readonly writeDir: string;
};

export async function loadStep(options: StepOptions): Promise<StepContext> {
  const readDir = options.dir ?? options.out;
  const writeDir = options.out ?? options.dir;
  if (readDir === undefined || writeDir === undefined) return usage('missing_option', 'give --dir <dir> (and/or --out <dir>) for the message files');
  const { file, parameters } = await readCeremonyFile(options.ceremony);
  return { ceremony: file, parameters, readDir, writeDir };
}

export function describeStatus(status: CeremonyStatus): string {
  switch (status.kind) {
    case 'failed':
      return `failed: ${status.problems.map((p) => p.detail ?? p.error).join('; ')}`;
    case 'awaiting_commitments':
    case 'awaiting_shares':
    case 'awaiting_confirmations':
      return `${status.kind.replace('_', ' ')} from trustee(s) ${status.missing.join(', ')}`;
    case 'awaiting_reveals':
      return `awaiting reveals: ${status.pending.map((p) => `trustee ${p.accused} → ${p.accuser}`).join(', ')}`;
    case 'complete':
      return 'complete';
  }
}

const ORDER = ['awaiting_commitments', 'awaiting_shares', 'awaiting_reveals', 'awaiting_confirmations', 'complete'] as const;

/** Reads the messages and refuses unless the ceremony has reached at least `stage`. */
export async function messagesAtLeast(
  group: Group,
  step: StepContext,
  stage: (typeof ORDER)[number],
): Promise<{ readonly messages: CeremonyMessage[]; readonly status: CeremonyStatus }> {
  const messages = await readMessages(group, step.readDir);
  const status = checkCeremony(group, step.parameters, messages);
  if (status.kind === 'failed') {
    refuse('ceremony_failed', `the ceremony has failed: ${describeStatus(status)}`, {
      problems: status.problems.map((p) => ({ trustee: p.trustee, code: p.error, detail: p.detail ?? null })),
    });
  }
  if (ORDER.indexOf(status.kind as (typeof ORDER)[number]) < ORDER.indexOf(stage)) {
    refuse(status.kind, `too early: the ceremony is ${describeStatus(status)}`);
  }
  return { messages, status };
}

export type StepRun = (input: {
  readonly group: Group;
  readonly step: StepContext;
  readonly secret: TrusteeSecret;
  readonly options: StepOptions;
}) => Promise<number>;

/**
 * Registers one step of the trustee's ceremony: the shared options, then — before `run` — the
 * ceremony file, the trustee's secret file, and the check that both belong to the same ceremony.
 */
export function registerStep(trustee: Command, cli: Cli, name: string, description: string, run: StepRun): void {
  stepOptions(trustee.command(name))
    .description(description)
    .action(
      cli.action(async (_globals, options: StepOptions) => {
        const group = ristretto255;
        const step = await loadStep(options);
        const secret = await readSecret(group, options.secret);
        assertSameCeremony(secret, step.parameters, options.secret);
        return run({ group, step, secret, options });
      }),
    );
}
