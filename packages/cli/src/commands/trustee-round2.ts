// `ratify trustee round2`: once every trustee's commitments are in, trustee i encrypts P_i(ℓ) to each
// other trustee ℓ and publishes the encrypted shares; the openings (share, nonce) stay in the secret
// file so that a complaint can be answered (`ratify trustee reveal`).
import type { Command } from 'commander';
import { type CommitmentsMessage, createShares } from '@ratify/crypto';
import type { Cli } from '../cli.ts';
import { writeMessage } from '../ceremony-files.ts';
import { emit, refuse, say } from '../io.ts';
import { messagesAtLeast, registerStep } from '../trustee-common.ts';
import { writeSecret } from '../trustee-secret.ts';

export function registerTrusteeRound2(trustee: Command, cli: Cli): void {
  registerStep(trustee, cli, 'round2', 'key ceremony step 2: send each other trustee its encrypted share', async ({ group, step, secret, options }) => {
    if (secret.openings) refuse('step_already_done', `trustee ${secret.trustee} has already sent its shares`);
    const { messages } = await messagesAtLeast(group, step, 'awaiting_shares');
    const commitments = messages.filter((m): m is CommitmentsMessage => m.kind === 'commitments');
    const own = commitments.find((m) => m.trustee === secret.trustee)!;
    if (!group.equals(own.coefficients[0]!.commitment, group.baseMultiply(secret.polynomial.coefficients[0]!))) {
      refuse('wrong_commitments', `the published commitments of trustee ${secret.trustee} are not from ${options.secret}`);
    }
    const { message, openings } = createShares(group, step.parameters, secret.polynomial, commitments);
    await writeSecret(group, options.secret, { ...secret, openings });
    const path = await writeMessage(group, step.writeDir, message);
    say(`trustee ${secret.trustee}: encrypted shares for ${openings.length} trustee(s); publish ${path}`);
    emit({ voteId: secret.voteId, trustee: secret.trustee, step: 'encrypted_shares', message: path });
    return 0;
  });
}
