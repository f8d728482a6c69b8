// `ratify admin create <username> [--password-file f]`: creates an administrator (there is no default
// account or password). The password comes from the file or stdin; the TOTP provisioning URI is
// printed once on stdout (scan it into an authenticator app) and is never stored in clear: the
// secret is sealed under RATIFY_SECRET_KEY, which the server must be given too. Audited.
import type { Command } from 'commander';
import { createStaffAccount } from '@ratify/engine';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, say, usage } from '../io.ts';
import { readPassword, secretKeyFromEnv } from '../staff-password.ts';

export function registerAdminCreate(admin: Command, cli: Cli): void {
  admin
    .command('create <username>')
    .description('create an administrator (password from --password-file or stdin; prints the TOTP URI once)')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .action(
      cli.action(async (globals, username: string, options: { readonly passwordFile?: string }) => {
        const secretKey = secretKeyFromEnv() ?? usage('missing_secret_key', 'set RATIFY_SECRET_KEY (e.g. `openssl rand -hex 32`) as for the server');
        const password = await readPassword(options.passwordFile);
        return withEngine(globals, async ({ store }) => {
          const created = check(await createStaffAccount(store, { username, password, role: 'administrator', secretKey }), `administrator ${username}`);
          await store.audit.appendAudit({ actor: 'cli', action: 'admin create', voteId: null, details: JSON.stringify({ username: created.account.username, role: 'administrator' }) });
          say(`created administrator ${created.account.username}; add the TOTP URI below to an authenticator app now: it is not shown again`);
          emit({ account: created.account, totpUri: created.totpUri });
          return 0;
        });
      }),
    );
}
