// `ratify trustee reveal`: answers every complaint against this trustee by publishing the accused
// share and its encryption nonce (anyone can check them against the commitments). Revealing a
// share to everyone is the protocol's price of a dispute; an invalid reveal disqualifies.
import type { Command } from 'commander';
import { createShareReveal } from '@ratify/crypto';
import type { Cli } from '../cli.ts';
import { readMessages, writeMessage } from '../ceremony-files.ts';
import { emit, refuse, say } from '../io.ts';
import { registerStep } from '../trustee-common.ts';

export function registerTrusteeReveal(trustee: Command, cli: Cli): void {
  registerStep(trustee, cli, 'reveal', 'answer complaints against you by revealing the disputed shares', async ({ group, step, secret, options }) => {
    const openings = secret.openings ?? refuse('step_out_of_order', `trustee ${secret.trustee} has not run round2`);
    const messages = await readMessages(group, step.readDir);
    const against = messages.filter((m) => m.kind === 'complaint' && m.accused === secret.trustee);
    const paths: string[] = [];
    for (const complaint of against) {
      if (complaint.kind !== 'complaint') continue;
      const opening = openings.find((o) => o.recipient === complaint.accuser);
      if (!opening) refuse('no_opening', `no share for trustee ${complaint.accuser} in ${options.secret}`);
      else paths.push(await writeMessage(group, step.writeDir, createShareReveal(secret.trustee, opening)));
    }
    say(paths.length === 0 ? `no complaints against trustee ${secret.trustee}` : `revealed ${paths.length} share(s): publish ${paths.join(', ')}`);
    emit({ voteId: secret.voteId, trustee: secret.trustee, reveals: paths });
    return 0;
  });
}
