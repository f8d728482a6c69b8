// Runs the Store contract against SQLite (in memory and on disk in a temp dir), plus the
// SQLite-specific checks: pragmas, migrations down and up, openStore URLs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, POSTGRES_ADAPTER, migrateAllDown, migrateToLatest, openSqliteStore, openStore, parseStoreUrl, redactStoreUrl } from '../src/index.ts';
import type { Database as SchemaDb } from '../src/index.ts';
import { runStoreContract } from './contract-suite.ts';
import { asUnionId } from '@ratify/protocol';

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
    expect((await first.members.createUnion({ id: asUnionId('u1'), name: 'Local 1' })).ok).toBe(true);
    await first.close();
    const second = await openStore(`sqlite:${path}`);
    expect(await second.members.getUnion(asUnionId('u1'))).toEqual({ id: 'u1', name: 'Local 1' });
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
      'bargaining_contracts',
      'bargaining_documents',
      'bargaining_offers',
      'bargaining_sessions',
      'board_events',
      'campaign_appeal_mail',
      'campaign_appeals',
      'campaign_committees',
      'ceremony_messages',
      'contract_status_events',
      'credential_holders',
      'credentials',
      'endorsement_pages',
      'endorsements',
      'follow_up_links',
      'login_codes',
      'mail_events',
      'mail_messages',
      'members',
      'rate_limit_hits',
      'roll_entries',
      'roll_events',
      'rolls',
      'sessions',
      'sign_in_requests',
      'staff_accounts',
      'staff_devices',
      'staff_sessions',
      'unions',
      'vote_drafts',
      'vote_schedule',
      'votes',
    ]);
    await migrateAllDown(store.kysely);
    expect(await tables()).toEqual([]);
    await migrateToLatest(store.kysely);
    expect(await tables()).toHaveLength(34);
    await store.close();
  });

  it('adds the campaign role by rebuilding staff_accounts without losing accounts, sessions or indexes', async () => {
    const database = new Database(':memory:');
    database.pragma('foreign_keys = ON');
    const db = new Kysely<SchemaDb>({ dialect: new SqliteDialect({ database }) });
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '20261129110000'));
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    const at = '2026-11-26T12:00:00.000Z';
    await db.insertInto('staff_accounts').values({ id: 'a1', username: 'alice', role: 'administrator', password_hash: 'h', totp_secret_encrypted: 'v1.x', totp_last_step: 7, created_at: at, disabled_at: at }).execute();
    await db.insertInto('staff_sessions').values({ token_hash: 't1', staff_id: 'a1', csrf_hash: 'c1', created_at: at, expires_at: at }).execute();
    await migrateToLatest(db);
    expect(await db.selectFrom('staff_accounts').selectAll().execute()).toEqual([{ id: 'a1', username: 'alice', role: 'administrator', password_hash: 'h', totp_secret_encrypted: 'v1.x', totp_last_step: 7, created_at: at, disabled_at: at }]);
    expect(await db.selectFrom('staff_sessions').select('token_hash').execute()).toEqual([{ token_hash: 't1' }]);
    await db.insertInto('staff_accounts').values({ id: 'c1', username: 'yes', role: 'campaign', password_hash: 'h', totp_secret_encrypted: null, totp_last_step: null, created_at: at }).execute();
    await expect(db.insertInto('staff_accounts').values({ id: 'a2', username: 'alice', role: 'observer', password_hash: 'h', totp_secret_encrypted: null, totp_last_step: null, created_at: at }).execute()).rejects.toThrow();
    const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(keys.rows[0]?.foreign_keys).toBe(1);
    await migrateAllDown(db);
    await db.destroy();
  });

  it('opens the URLs it knows and refuses the rest', async () => {
    for (const url of [':memory:', 'sqlite::memory:']) await (await openStore(url)).close();
    if (!POSTGRES_ADAPTER) await expect(openStore('postgres://u:pw@localhost/ratify')).rejects.toThrow('no PostgreSQL adapter');
    await expect(openStore('mysql://x')).rejects.toThrow('cannot serve a "mysql:" database');
    await expect(openStore('sqlite:')).rejects.toThrow();
  });

  it('parses store URLs without opening anything, and never repeats a password', () => {
    expect(parseStoreUrl('sqlite:./data/x.db')).toEqual({ ok: true, value: { kind: 'sqlite', path: './data/x.db' } });
    expect(parseStoreUrl(':memory:')).toEqual({ ok: true, value: { kind: 'sqlite', path: ':memory:' } });
    const pg = parseStoreUrl('postgresql://ratify:s3cret@db:5432/ratify');
    if (POSTGRES_ADAPTER) expect(pg).toMatchObject({ ok: true, value: { kind: 'postgres' } });
    else expect(pg).toMatchObject({ ok: false, error: 'adapter_unavailable' });
    const other = parseStoreUrl('mysql://root:s3cret@db/ratify');
    expect(other).toMatchObject({ ok: false, error: 'unsupported_store_url' });
    // A refusal's words never repeat the password (an accepted URL is handed back whole, to be opened).
    for (const r of [pg, other]) if (!r.ok) expect(JSON.stringify(r)).not.toContain('s3cret');
    expect(redactStoreUrl('postgres://u:p%40ss@h/db')).toBe('postgres://u:***@h/db');
    expect(redactStoreUrl('postgres://h/db')).toBe('postgres://h/db');
  });
});
