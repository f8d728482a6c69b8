// `--db` / RATIFY_DB: a SQLite path or a store URL this build can serve; everything else is refused
// with a clear error before any file or directory is made, and no message repeats a password. Run
// as the installed command would be, in a scratch directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { POSTGRES_ADAPTER } from '@ratify/storage';
import { describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/ratify.js');

async function init(db: string): Promise<{ code: number; stdout: string; stderr: string; files: string[] }> {
  const cwd = mkdtempSync(join(tmpdir(), 'ratify-init-'));
  const run = await promisify(execFile)(process.execPath, [BIN, '--db', db, 'init'], { cwd, env: { ...process.env, RATIFY_DB: '' } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  const files = readdirSync(cwd, { recursive: true }).map(String);
  return { ...run, files };
}

describe('ratify init --db', () => {
  it.skipIf(POSTGRES_ADAPTER)('refuses a PostgreSQL URL this build cannot serve, without writing its password anywhere', async () => {
    const r = await init('postgres://ratify:s3cret-pw@db.example.org:5432/ratify');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(out.error.code).toBe('unsupported_database');
    expect(out.error.message).toContain('no PostgreSQL adapter');
    expect(out.error.message).toContain('postgres://ratify:***@db.example.org:5432/ratify');
    expect(r.stdout + r.stderr).not.toContain('s3cret-pw');
    expect(r.files).toEqual([]);
  }, 60_000);

  it('refuses other schemes and a URL typed without its scheme, creating nothing', async () => {
    for (const db of ['mysql://root:hunter2@localhost/x', 'http://example.org/db', 'ratify:hunter2@localhost/db']) {
      const r = await init(db);
      expect(r.code, db).toBe(2);
      expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('unsupported_database');
      expect(r.stdout + r.stderr).not.toContain('hunter2');
      expect(r.files, db).toEqual([]);
    }
  }, 60_000);

  it('creates a SQLite database from a path or a sqlite: URL', async () => {
    for (const db of ['data/x.db', 'sqlite:data/x.db']) {
      const r = await init(db);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ created: true });
      expect(r.files).toContain(join('data', 'x.db'));
    }
  }, 60_000);
});
