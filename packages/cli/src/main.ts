// The `ratify` command: wires one file per command (commands/*) into commander. stdout is data (JSON),
// stderr is for people; exit 0 ok, 1 refused / check failed, 2 usage or I/O error. bin/ratify.js
// runs this through tsx and sets the process exit code from main's return value.
// Command files are imported lazily — only the invoked command's — so that e.g. `ratify trustee
// round1` does not load the database driver or the verifier (start-up time is most of a CLI run).
import { Command, CommanderError } from 'commander';
import { type Cli, createCli } from './cli.ts';
import { EXIT_USAGE, emit } from './io.ts';

type Register = (parent: Command, cli: Cli) => void;
type Loader = () => Promise<Register>;

const TOP: Readonly<Record<string, Loader>> = {
  init: async () => (await import('./commands/init.ts')).registerInit,
  tally: async () => (await import('./commands/tally.ts')).registerTally,
  export: async () => (await import('./commands/export.ts')).registerExport,
  verify: async () => (await import('./commands/verify.ts')).registerVerify,
  report: async () => (await import('./commands/report.ts')).registerReport,
  simulate: async () => (await import('./commands/simulate.ts')).registerSimulate,
};

const GROUPS: Readonly<Record<string, { readonly description: string; readonly members: readonly Loader[] }>> = {
  union: { description: 'unions', members: [async () => (await import('./commands/union-add.ts')).registerUnionAdd] },
  admin: {
    description: 'staff accounts: administrators (password + TOTP), trustees, observers',
    members: [
      async () => (await import('./commands/admin-create.ts')).registerAdminCreate,
      async () => (await import('./commands/admin-add-staff.ts')).registerAdminAddStaff,
    ],
  },
  roll: {
    description: 'member rolls: import, list, dual members',
    members: [
      async () => (await import('./commands/roll-import.ts')).registerRollImport,
      async () => (await import('./commands/roll-list.ts')).registerRollList,
      async () => (await import('./commands/roll-duals.ts')).registerRollDuals,
    ],
  },
  vote: {
    description: 'votes: context, create, open, close, show',
    members: [
      async () => (await import('./commands/vote-context.ts')).registerVoteContext,
      async () => (await import('./commands/vote-create.ts')).registerVoteCreate,
      async () => (await import('./commands/vote-open-close.ts')).registerVoteOpenClose,
      async () => (await import('./commands/vote-show.ts')).registerVoteShow,
    ],
  },
  trustee: {
    description: 'trustee tools: key ceremony (round1-3, reveal, status), decrypt, submit',
    members: [
      async () => (await import('./commands/trustee-round1.ts')).registerTrusteeRound1,
      async () => (await import('./commands/trustee-round2.ts')).registerTrusteeRound2,
      async () => (await import('./commands/trustee-round3.ts')).registerTrusteeRound3,
      async () => (await import('./commands/trustee-reveal.ts')).registerTrusteeReveal,
      async () => (await import('./commands/trustee-status.ts')).registerTrusteeStatus,
      async () => (await import('./commands/trustee-decrypt.ts')).registerTrusteeDecrypt,
      async () => (await import('./commands/trustee-submit.ts')).registerTrusteeSubmit,
    ],
  },
  credentials: {
    description: 'voter credentials (the offline credential authority)',
    members: [
      async () => (await import('./commands/credentials-authority.ts')).registerCredentialsAuthority,
      async () => (await import('./commands/credentials-generate.ts')).registerCredentialsGenerate,
      async () => (await import('./commands/credentials-authority.ts')).registerCredentialsReplace,
      async () => (await import('./commands/credentials-authority.ts')).registerCredentialsRelay,
    ],
  },
  ballot: {
    description: 'ballots: create, audit, cast',
    members: [
      async () => (await import('./commands/ballot-create.ts')).registerBallotCreate,
      async () => (await import('./commands/ballot-audit.ts')).registerBallotAudit,
      async () => (await import('./commands/ballot-cast.ts')).registerBallotCast,
    ],
  },
};

/** The first command word in argv (skipping the global `--db <path>`), if any. */
function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--db') i++;
    else if (!token.startsWith('-')) return token;
  }
  return undefined;
}

export async function buildProgram(argv: readonly string[], cli: Cli = createCli()): Promise<Command> {
  const program = new Command('ratify')
    .description('Ratify: end-to-end verifiable votes for unions')
    .option('--db <path-or-url>', 'the database: a SQLite path or a store URL this build serves (default: $RATIFY_DB or ./data/ratify.db)')
    .showHelpAfterError();
  const invoked = invokedCommand(argv);
  const known = invoked !== undefined && (invoked in TOP || invoked in GROUPS);
  const wanted = (name: string) => !known || invoked === name;
  for (const name of [...Object.keys(GROUPS), ...Object.keys(TOP)]) {
    if (!wanted(name)) continue;
    const group = GROUPS[name];
    if (group) {
      const parent = program.command(name).description(group.description);
      for (const load of group.members) (await load())(parent, cli);
    } else (await TOP[name]!())(program, cli);
  }
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const cli = createCli();
  const program = await buildProgram(argv, cli);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else is a usage error (commander printed why).
      if (error.exitCode === 0) return 0;
      const message = error.code === 'commander.help' ? 'a command is required (see ratify --help)' : error.message;
      emit({ error: { code: 'usage', message } });
      return EXIT_USAGE;
    }
    throw error;
  }
  return cli.exitCode();
}
