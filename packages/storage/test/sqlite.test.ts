// Runs the Store contract against SQLite (in memory and on disk in a temp dir), plus the
// SQLite-specific checks: pragmas, migrations down and up, openStore URLs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateAllDown, migrateToLatest, openSqliteStore, openStore } from '../src/index.ts';
import { runStoreContract } from './contract-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'ratify-storage-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite :memory:', ({ now }) => openSqliteStore(':memory:', { now }));
runStoreContract('sqlite file', ({ now }) => openSqliteStore(join(dir, `store-${++files}.db`), { now }));

describe('SQLite adapter', () => {
  it('runs in WAL mode with foreign keys on', async () => {
    const store = await openSqliteStore(join(dir, 'pragmas.db'));
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.kysely);
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.kysely);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(keys.rows[0]?.foreign_keys).toBe(1);
    await store.close();
  });

  it('keeps data across reopening a file', async () => {
    const path = join(dir, 'reopen.db');
    const first = await openStore(`sqlite:${path}`);
    expect((await first.createUnion({ id: 'u1', name: 'Local 1' })).ok).toBe(true);
    await first.close();
    const second = await openStore(`sqlite:${path}`);
    expect(await second.getUnion('u1')).toEqual({ id: 'u1', name: 'Local 1' });
    await second.close();
  });

  it('migrates all the way down and back up', async () => {
    const store = await openSqliteStore(':memory:');
    const tables = async () =>
      (
        await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' order by name`.execute(
          store.kysely,
        )
      ).rows.map((r) => r.name);
    expect(await tables()).toEqual([
      'audit_log',
      'ballots',
      'board_events',
      'ceremony_messages',
      'credentials',
      'follow_up_links',
      'login_codes',
      'mail_events',
      'mail_messages',
      'members',
      'participation',
      'rate_limit_hits',
      'roll_entries',
      'roll_events',
      'rolls',
      'sessions',
      'staff_accounts',
      'staff_sessions',
      'unions',
      'vote_drafts',
      'vote_schedule',
      'votes',
    ]);
    await migrateAllDown(store.kysely);
    expect(await tables()).toEqual([]);
    await migrateToLatest(store.kysely);
    expect(await tables()).toHaveLength(22);
    await store.close();
  });

  it('opens the URLs it knows and refuses the rest', async () => {
    for (const url of [':memory:', 'sqlite::memory:']) await (await openStore(url)).close();
    await expect(openStore('postgres://localhost/ratify')).rejects.toThrow('not implemented');
    await expect(openStore('mysql://x')).rejects.toThrow('unsupported');
    await expect(openStore('sqlite:')).rejects.toThrow();
  });
});
