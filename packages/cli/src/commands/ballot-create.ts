// `ratify ballot create`: what the booth does, on the command line — encrypt the answers under the
// election key with proofs, sign with the voter's credential, write the ballot file and print its
// tracking code. `--audit-out` also writes the Benaloh audit data (that ballot must not be cast).
import type { Command } from 'commander';
import { ristretto255 } from '@ratify/crypto';
import { createBallot, credentialSecret, encodeBallot, parsePrivateCredential, trackingCode, formatTrackingCode } from '@ratify/protocol';
import type { Cli } from '../cli.ts';
import { collect } from '../cli.ts';
import { toAuditFile, selectionsOf, describeSelections } from '../ballot-files.ts';
import { check, emit, readText, say, usage, writeText } from '../io.ts';
import { loadVoteContext } from '../vote-context-source.ts';

type Options = {
  readonly vote?: string;
  readonly manifest?: string;
  readonly credential?: string;
  readonly credentialFile?: string;
  readonly answer?: readonly string[];
  readonly out: string;
  readonly auditOut?: string;
};

export function registerBallotCreate(ballot: Command, cli: Cli): void {
  ballot
    .command('create')
    .description('encrypt and sign a ballot (as the booth does) into a file')
    .option('--vote <id>', 'the vote (its manifest is read from the database)')
    .option('--manifest <file>', 'read the manifest from this file instead of the database')
    .option('--credential <code>', 'your private credential')
    .option('--credential-file <file>', 'read the private credential from a file (keeps it out of the process list)')
    .option('--answer <question=option[,option]>', 'an answer (repeat per question; omit for blank)', collect, [])
    .requiredOption('--out <file>', 'where to write the ballot')
    .option('--audit-out <file>', 'also write the Benaloh audit data (then do NOT cast this ballot)')
    .action(
      cli.action(async (globals, options: Options) => {
        const group = ristretto255;
        const ctx = await loadVoteContext(globals, options.vote, options.manifest);
        const code = options.credentialFile !== undefined ? (await readText(options.credentialFile)).trim() : options.credential;
        if (code === undefined) return usage('missing_credential', 'give --credential <code> or --credential-file <file>');
        const credential = check(parsePrivateCredential(code), 'credential');
        const selections = selectionsOf(ctx.manifest, options.answer ?? []);
        const secret = credentialSecret(group, ctx.manifest, credential);
        const { ballot: created, secrets } = check(createBallot(ctx.ballotParams, selections, secret), 'ballot');
        const tracking = trackingCode(group, created);
        await writeText(options.out, encodeBallot(group, created));
        if (options.auditOut !== undefined) {
          await writeText(options.auditOut, toAuditFile(group, ctx.manifest.voteId, tracking, secrets), { secret: true });
          say(`audit data in ${options.auditOut}: this ballot is now for checking only; do not cast it`);
        }
        say(`ballot for ${ctx.manifest.voteId} written to ${options.out}; tracking code ${formatTrackingCode(tracking)}`);
        emit({
          voteId: ctx.manifest.voteId,
          ballot: options.out,
          trackingCode: tracking,
          shortCode: formatTrackingCode(tracking),
          answers: describeSelections(ctx.manifest, selections),
          ...(options.auditOut !== undefined && { auditFile: options.auditOut, castable: false }),
        });
        return 0;
      }),
    );
}
