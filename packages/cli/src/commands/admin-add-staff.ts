// `ratify admin add-staff <username> --role trustee|observer [--password-file f]`: creates a trustee
// or observer account (password from the file or stdin). Administrators are made with
// `ratify admin create` (they need TOTP). Audited.
import type { Command } from 'commander';
import { createStaffAccount } from '@ratify/engine';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, say, usage } from '../io.ts';
import { readPassword, secretKeyFromEnv } from '../staff-password.ts';

export function registerAdminAddStaff(admin: Command, cli: Cli): void {
  admin
    .command('add-staff <username>')
    .description('create a trustee or observer account (password from --password-file or stdin)')
    .requiredOption('--role <role>', 'trustee or observer')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .action(
      cli.action(async (globals, username: string, options: { readonly role: string; readonly passwordFile?: string }) => {
        const role = options.role === 'trustee' || options.role === 'observer' ? options.role : usage('invalid_role', '--role must be trustee or observer');
        const password = await readPassword(options.passwordFile);
        return withEngine(globals, async ({ store }) => {
          const created = check(await createStaffAccount(store, { username, password, role, secretKey: secretKeyFromEnv() }), `${role} ${username}`);
          await store.audit.appendAudit({ actor: 'cli', action: 'admin add-staff', voteId: null, details: JSON.stringify({ username: created.account.username, role }) });
          say(`created ${role} ${created.account.username}`);
          emit({ account: created.account });
          return 0;
        });
      }),
    );
}
