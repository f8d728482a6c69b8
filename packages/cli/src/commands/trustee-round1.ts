// `ratify trustee round1`: trustee i creates its share-encryption key and polynomial (kept in the
// secret file, mode 0600) and publishes its commitments message (Feldman commitments + proofs).
import type { Command } from 'commander';
import { type Group, createTrusteeCommitments, generateTrusteeEncryptionKey, ristretto255 } from '@ratify/crypto';
import type { Cli } from '../cli.ts';
import { writeMessage } from '../ceremony-files.ts';
import { emit, refuse, say, usage } from '../io.ts';
import { type StepOptions, loadStep, stepOptions } from '../trustee-common.ts';
import { secretExists, writeSecret } from '../trustee-secret.ts';

export function registerTrusteeRound1(trustee: Command, cli: Cli): void {
  stepOptions(trustee.command('round1'))
    .description('key ceremony step 1: make your key material, publish your commitments')
    .requiredOption('--index <i>', 'your trustee number in ceremony.json (1-based)')
    .action(
      cli.action(async (_globals, options: StepOptions & { readonly index: string }) => {
        const group: Group = ristretto255;
        const step = await loadStep(options);
        const index = Number(options.index);
        if (!Number.isSafeInteger(index) || index < 1 || index > step.parameters.trusteeCount) {
          usage('invalid_index', `--index must be 1 … ${step.parameters.trusteeCount}`);
        }
        if (secretExists(options.secret)) refuse('secret_exists', `${options.secret} exists: round 1 was already run (it is never overwritten)`);
        const encryptionKey = generateTrusteeEncryptionKey(group);
        const { polynomial, message } = createTrusteeCommitments(group, step.parameters, index, encryptionKey);
        const c = step.ceremony;
        await writeSecret(group, options.secret, { voteId: c.voteId, context: c.context, trustee: index, threshold: c.threshold, trusteeCount: c.trustees.length, encryptionKey, polynomial });
        const path = await writeMessage(group, step.writeDir, message);
        say(`trustee ${index} (${c.trustees[index - 1]!.name}): secret state in ${options.secret}; publish ${path}`);
        emit({ voteId: c.voteId, trustee: index, step: 'commitments', message: path, secret: options.secret });
        return 0;
      }),
    );
}
