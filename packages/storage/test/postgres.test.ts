// Runs the Store contract against PostgreSQL (the run's throw-away cluster; a fresh schema per test),
// plus the PostgreSQL-specific checks: migrations down and up, openStore URLs, and writers in
// several processes at once: the board stays gap-free and totally ordered per vote, one counted
// ballot per credential, the audit log's seq contiguous.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { asUnionId } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSchema, migrateAllDown, migrateToLatest, openStore } from '../src/index.ts';
import type { SqlStore } from '../src/index.ts';
import { runStoreContract } from './contract-suite.ts';
import { credentialHex, expectOk, seedOpenVote, testHash } from './contract/fixtures.ts';
import { createTestDatabase, dropTestDatabase, openSchemaStore, schemaUrl } from './postgres-harness.ts';
import { asVoteId } from '@ratify/protocol';

let database = '';
beforeAll(async () => {
  database = await createTestDatabase('storage');
});
afterAll(async () => {
  if (database !== '') await dropTestDatabase(database);
});

runStoreContract('postgres', ({ now }) => openSchemaStore(database, { now }));

const WRITER = fileURLToPath(new URL('./fixtures/concurrent-writer.ts', import.meta.url));

/** Runs the writer in a child process; resolves to what it printed (one JSON array). */
function writer(url: string, kind: string, voteId: string, count: number, tag: string): Promise<(number | string)[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, kind, voteId, String(count), tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as (number | string)[]) : reject(new Error(`writer ${tag} exited ${code}: ${errors}`))));
  });
}

describe('PostgreSQL adapter', () => {
  let store: SqlStore;
  let url = '';
  beforeAll(async () => {
    store = await openSchemaStore(database);
    // The same schema the store uses, for the child processes.
    url = await schemaUrl(database, await currentSchema(store.kysely));
  });
  afterAll(async () => store.close());

  it('takes appends from three processes at once: one gap-free, totally ordered chain', { timeout: 120_000 }, async () => {
    await seedOpenVote(store, 1, 'v-events');
    const outputs = await Promise.all(['a', 'b', 'c'].map((tag) => writer(url, 'events', 'v-events', 40, tag)));
    const events = await store.board.listEvents(asVoteId('v-events'));
    expect(events).toHaveLength(120);
    events.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(e.prevHash).toBe(i === 0 ? null : events[i - 1]!.hash);
      expect(e.hash).toBe(testHash({ prevHash: e.prevHash, seq: e.seq, kind: e.kind, payload: e.payload }));
    });
    // Every acknowledged append is on the board at the seq its writer was told.
    const told = outputs.flat().map(Number).sort((a, b) => a - b);
    expect(told).toEqual(events.map((e) => e.seq));
  });

  it('casts from three processes at once (ballot + board event per transaction): sequences and board agree', { timeout: 120_000 }, async () => {
    await seedOpenVote(store, 30, 'v-casts');
    const outputs = await Promise.all(['a', 'b', 'c'].map((tag) => writer(url, 'casts', 'v-casts', 30, tag)));
    const ballots = await store.ballots.listBallots(asVoteId('v-casts'));
    expect(ballots.map((b) => b.sequence)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(outputs.flat().map(Number).sort((a, b) => a - b)).toEqual(ballots.map((b) => b.sequence));
    // Each credential cast three times (once per process): exactly one counted, the last one.
    const counted = ballots.filter((b) => b.counted);
    expect(counted.map((b) => b.credential).sort()).toEqual(Array.from({ length: 30 }, (_, i) => credentialHex(i + 1)).sort());
    for (const b of counted) expect(Math.max(...ballots.filter((x) => x.credential === b.credential).map((x) => x.sequence))).toBe(b.sequence);
    const events = await store.board.listEvents(asVoteId('v-casts'));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 90 }, (_, i) => i));
  });

  it('numbers audit entries from three processes without a gap or a duplicate', { timeout: 120_000 }, async () => {
    const before = (await store.audit.listAudit({ limit: 10_000 })).length;
    await Promise.all(['a', 'b', 'c'].map((tag) => writer(url, 'audit', '-', 20, tag)));
    const entries = await store.audit.listAudit({ limit: 10_000 });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: before + 60 }, (_, i) => i + 1));
  });

  it('refuses to update or delete the audit log, whoever asks', async () => {
    await store.audit.appendAudit({ actor: 'ops-token', action: 'x', voteId: null, details: '{}' });
    await expect(sql`update audit_log set actor = 'mallory'`.execute(store.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(store.kysely)).rejects.toThrow(/append-only/);
  });

  it('migrates all the way down and back up', async () => {
    const other = await openSchemaStore(database);
    const tables = async () =>
      (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely%' order by 1`.execute(other.kysely)).rows.map((r) => r.t);
    expect(await tables()).toHaveLength(34);
    const schema = await currentSchema(other.kysely);
    await migrateAllDown(other.kysely, schema);
    expect(await tables()).toEqual([]);
    await migrateToLatest(other.kysely, schema);
    expect(await tables()).toHaveLength(34);
    await other.close();
  });

  it('opens postgres:// and postgresql:// URLs', async () => {
    for (const [i, u] of [url, url.replace(/^postgres:/, 'postgresql:')].entries()) {
      const s = await openStore(u);
      expectOk(await s.members.createUnion({ id: asUnionId(`u-open-${i}`), name: 'x' }));
      await s.close();
    }
  });
});
