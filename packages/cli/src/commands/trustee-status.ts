// `ratify trustee status --ceremony … --dir …`: the public check of the ceremony so far
// (crypto checkCeremony) and who has done which step. Exit 1 if the ceremony has failed.
import type { Command } from 'commander';
import { checkCeremony, ristretto255, toHex } from '@ratify/crypto';
import type { Cli } from '../cli.ts';
import { readCeremonyFile, readMessages } from '../ceremony-files.ts';
import { emit, say } from '../io.ts';
import { describeStatus } from '../trustee-common.ts';

export function registerTrusteeStatus(trustee: Command, cli: Cli): void {
  trustee
    .command('status')
    .description('check the ceremony\'s public messages: who has done which step')
    .requiredOption('--ceremony <file>', 'ceremony.json')
    .requiredOption('--dir <dir>', 'directory of the public message files')
    .action(
      cli.action(async (_globals, options: { readonly ceremony: string; readonly dir: string }) => {
        const group = ristretto255;
        const { file, parameters } = await readCeremonyFile(options.ceremony);
        const messages = await readMessages(group, options.dir);
        const status = checkCeremony(group, parameters, messages);
        const has = (kind: string, i: number) =>
          messages.some((m) => m.kind === kind && (m.kind === 'commitments' || m.kind === 'key_confirmation' ? m.trustee : m.kind === 'complaint' ? m.accuser : m.sender) === i);
        const trustees = file.trustees.map((t) => ({
          index: t.index,
          id: t.id,
          name: t.name,
          commitments: has('commitments', t.index),
          shares: has('encrypted_shares', t.index),
          complaints: has('complaint', t.index),
          reveals: has('share_reveal', t.index),
          confirmation: has('key_confirmation', t.index),
        }));
        say(`ceremony for ${file.voteId} (${file.threshold} of ${file.trustees.length}): ${describeStatus(status)}`);
        emit({
          voteId: file.voteId,
          threshold: file.threshold,
          status: status.kind,
          summary: describeStatus(status),
          ...(status.kind === 'complete' && { jointPublicKey: toHex(group.encodeElement(status.jointPublicKey)) }),
          ...(status.kind === 'failed' && { problems: status.problems.map((p) => ({ trustee: p.trustee, code: p.error, detail: p.detail ?? null })) }),
          ...('missing' in status && { missing: status.missing }),
          ...('pending' in status && { pending: status.pending }),
          trustees,
        });
        return status.kind === 'failed' ? 1 : 0;
      }),
    );
}
