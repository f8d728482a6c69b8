// Test helpers for the PostgreSQL adapter: a fresh database per test file on the run's throw-away
// cluster (vitest globalSetup, scripts/vitest-postgres.mjs), and a fresh schema per store so every
// contract test starts from an empty, freshly migrated database without paying for CREATE DATABASE.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgresStore } from '../src/index.ts';
import type { SqlStore } from '../src/index.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named after `label` on the run's cluster; returns its URL. */
export async function createTestDatabase(label: string): Promise<string> {
  const base = inject('postgresUrl');
  const name = `ratify_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin(`${base}/postgres`, (c) => c.query(`create database ${quote(name)}`));
  return `${base}/${name}`;
}

/** Drops a database created by createTestDatabase (its connections must be closed). */
export async function dropTestDatabase(url: string): Promise<void> {
  const { pathname } = new URL(url);
  const base = inject('postgresUrl');
  await admin(`${base}/postgres`, (c) => c.query(`drop database if exists ${quote(pathname.slice(1))} with (force)`));
}

/** A URL whose connections use `schema` first (created if missing): one database, many stores. */
export async function schemaUrl(databaseUrl: string, schema: string): Promise<string> {
  await admin(databaseUrl, (c) => c.query(`create schema if not exists ${quote(schema)}`));
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Opens a store in a new schema of `databaseUrl`; closing it drops the schema. */
export async function openSchemaStore(databaseUrl: string, options: { readonly now?: () => Date } = {}): Promise<SqlStore> {
  const schema = `s_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore(await schemaUrl(databaseUrl, schema), { ...options, maxConnections: 4 });
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await admin(databaseUrl, (c) => c.query(`drop schema ${quote(schema)} cascade`));
    },
  });
}
