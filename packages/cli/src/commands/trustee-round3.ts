// `ratify trustee round3`: trustee ℓ decrypts and Feldman-checks the shares sent to it. A bad or
// missing share becomes a published complaint (the accused answers with `ratify trustee reveal`,
// then ℓ runs round3 again). Otherwise ℓ derives its key share into the secret file and publishes
// its key confirmation (G_ℓ with a proof of knowledge of s_ℓ).
import type { Command } from 'commander';
import { type CommitmentsMessage, collectShares, createKeyConfirmation, deriveTrusteeKey } from '@ratify/crypto';
import type { Cli } from '../cli.ts';
import { writeMessage } from '../ceremony-files.ts';
import { emit, refuse, say } from '../io.ts';
import { messagesAtLeast, registerStep } from '../trustee-common.ts';
import { writeSecret } from '../trustee-secret.ts';

export function registerTrusteeRound3(trustee: Command, cli: Cli): void {
  registerStep(trustee, cli, 'round3', 'key ceremony step 3: check the shares you received, derive your key share, confirm it', async ({ group, step, secret, options }) => {
    if (!secret.openings) refuse('step_out_of_order', `trustee ${secret.trustee} has not run round2 yet`);
    if (secret.key) refuse('step_already_done', `trustee ${secret.trustee} already holds its key share`);
    const { messages } = await messagesAtLeast(group, step, 'awaiting_reveals');
    const { shares, complaints } = collectShares(group, step.parameters, secret.trustee, secret.encryptionKey, messages);
    if (complaints.length > 0) {
      const already = new Set(messages.filter((m) => m.kind === 'complaint' && m.accuser === secret.trustee).map((m) => (m.kind === 'complaint' ? m.accused : 0)));
      const paths = [];
      for (const c of complaints) if (!already.has(c.accused)) paths.push(await writeMessage(group, step.writeDir, c));
      for (const c of complaints) say(`trustee ${secret.trustee}: the share from trustee ${c.accused} is bad (${c.reason})`);
      return refuse('complaints_filed', `complaint(s) published against trustee(s) ${complaints.map((c) => c.accused).join(', ')}: they must run \`ratify trustee reveal\`, then run round3 again`, {
        complaints: complaints.map((c) => ({ accused: c.accused, reason: c.reason })),
        messages: paths,
      });
    }
    const commitments = messages.filter((m): m is CommitmentsMessage => m.kind === 'commitments');
    const key = deriveTrusteeKey(group, step.parameters, secret.polynomial, shares, commitments);
    if (!key.ok) return refuse(key.error, `trustee ${secret.trustee}: ${key.detail ?? key.error}`);
    await writeSecret(group, options.secret, { ...secret, key: key.value });
    const confirmation = createKeyConfirmation(group, step.parameters, key.value);
    const path = await writeMessage(group, step.writeDir, confirmation);
    say(`trustee ${secret.trustee}: key share derived and kept in ${options.secret}; publish ${path}`);
    emit({ voteId: secret.voteId, trustee: secret.trustee, step: 'key_confirmation', message: path });
    return 0;
  });
}
