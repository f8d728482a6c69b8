// The demo's read-only staff account, so a newcomer can see the staff pages without setting up an
// administrator (who needs RATIFY_SECRET_KEY and TOTP): signed in at /staff as an observer they see
// the vote consoles with turnout, the audit log, the bargaining tracker and the campaigns' appeals.
// Its random password goes to <dir>/observer-account.json (mode 0600) next to the demo's other
// sample secrets; the server keeps only its argon2id hash. Demo only. Idempotent.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Engine, createStaffAccount } from '@ratify/engine';

export const DEMO_OBSERVER = 'demo-observer';
export const OBSERVER_ACCOUNT_FILE = 'observer-account.json';

export async function seedDemoObserver(engine: Engine, dir: string): Promise<void> {
  const { store } = engine;
  if ((await store.staff.getStaffCredentials(DEMO_OBSERVER)) !== null) return;
  const password = randomBytes(18).toString('base64url');
  const created = await createStaffAccount(store, { username: DEMO_OBSERVER, password, role: 'observer', secretKey: null });
  if (!created.ok) throw new Error(`demo observer: ${created.error}`);
  await store.audit.appendAudit({ actor: 'demo', action: 'demo add-staff', voteId: null, details: JSON.stringify({ username: DEMO_OBSERVER, role: 'observer' }) });
  writeFileSync(join(dir, OBSERVER_ACCOUNT_FILE), JSON.stringify({ username: DEMO_OBSERVER, password }, null, 2) + '\n', { mode: 0o600 });
}
