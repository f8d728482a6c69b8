// The demo's campaigns: on the federation's ratification vote, one endorsement page per side with
// sample signatures, one committee per side, and one approved appeal each, queued to the whole
// roll (with RATIFY_SECRET_KEY; pending without it). Seeding twice adds nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, verifyPassword } from '@ratify/engine';
import { openSqliteStore } from '@ratify/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { CAMPAIGN_DEMO_VOTE } from '../src/demo/campaigns.ts';
import { DEMO_OBSERVER, OBSERVER_ACCOUNT_FILE } from '../src/demo/observer.ts';
import { seedDemo } from '../src/demo/seed.ts';

const SCALE = { guild: 30, federation: 20, both: 10 };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function seeded(secretKey: Uint8Array | null) {
  const dir = mkdtempSync(join(tmpdir(), 'ratify-demo-'));
  dirs.push(dir);
  const store = await openSqliteStore(':memory:');
  const engine = createEngine({ store });
  await seedDemo(engine, dir, new Date(), SCALE, 0.1, { secretKey, publicUrl: 'http://127.0.0.1:3000' });
  return { store, engine, dir };
}

describe('demo campaigns', () => {
  it('seeds both sides equally: a page with signatures, a committee and an approved appeal to the whole roll', async () => {
    const { store, engine, dir } = await seeded(randomBytes(32));
    const pages = await store.campaigns.listEndorsementPages(CAMPAIGN_DEMO_VOTE);
    expect(pages.map((p) => [p.side, p.title, p.count])).toEqual([
      ['for', 'Actors for a Fair Contract', 5],
      ['against', 'Vote No: Hold Out for New Media', 3],
    ]);
    expect((await store.campaigns.listCommittees(CAMPAIGN_DEMO_VOTE)).map((c) => [c.side, c.name])).toEqual([['for', 'Actors for a Fair Contract'], ['against', 'Vote No: Hold Out for New Media']]);
    const eligible = (await store.rolls.listRollEntries(CAMPAIGN_DEMO_VOTE)).filter((e) => e.status === 'eligible').length;
    const appeals = await store.campaigns.listAppeals(CAMPAIGN_DEMO_VOTE);
    expect(appeals.map((a) => [a.side, a.status, a.recipients])).toEqual([['for', 'approved', eligible], ['against', 'approved', eligible]]);
    expect(await store.mail.listMail({ voteId: CAMPAIGN_DEMO_VOTE, kind: 'campaign_appeal' })).toHaveLength(2 * eligible);
    const accounts = JSON.parse(readFileSync(join(dir, 'campaign-accounts.json'), 'utf8')) as { username: string; password: string }[];
    expect(accounts.map((a) => a.username)).toEqual(['fair-contract', 'hold-out']);
    expect(statSync(join(dir, 'campaign-accounts.json')).mode & 0o777).toBe(0o600);
    expect((await store.staff.getStaffCredentials('fair-contract'))?.role).toBe('campaign');
    // Idempotent: a second seed adds nothing.
    await seedDemo(engine, dir, new Date(), SCALE, 0.1, { secretKey: null, publicUrl: 'http://127.0.0.1:3000' });
    expect(await store.campaigns.listEndorsementPages(CAMPAIGN_DEMO_VOTE)).toHaveLength(2);
    await store.close();
  });

  it('creates one read-only observer whose password is only in a 0600 file (the server keeps its argon2id hash)', async () => {
    const { store, engine, dir } = await seeded(null);
    const file = join(dir, OBSERVER_ACCOUNT_FILE);
    const account = JSON.parse(readFileSync(file, 'utf8')) as { username: string; password: string };
    expect(account.username).toBe(DEMO_OBSERVER);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = await store.staff.getStaffCredentials(DEMO_OBSERVER);
    expect(stored?.role).toBe('observer');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(account.password);
    expect(await verifyPassword(stored!.passwordHash, account.password)).toBe(true);
    // Seeding again keeps the account and its file.
    await seedDemo(engine, dir, new Date(), SCALE, 0.1, { secretKey: null, publicUrl: 'http://127.0.0.1:3000' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(account);
    await store.close();
  });

  it('leaves the appeals pending without a secret key (nothing can be sealed)', async () => {
    const { store } = await seeded(null);
    expect((await store.campaigns.listAppeals(CAMPAIGN_DEMO_VOTE)).map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(await store.mail.listMail({ kind: 'campaign_appeal' })).toHaveLength(0);
    await store.close();
  });
});
