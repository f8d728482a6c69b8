// `npm ci` must succeed on a machine without a C toolchain: the install script of @ratify/crypto
// (packages/crypto/native/build.mjs) then prints one line and exits 0, and the runtime falls back to
// the pure-TypeScript backend (backend-selection.test.ts). Run on a copy of native/ so the real build
// is untouched; an empty PATH hides python, make and the compiler.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NATIVE = resolve(import.meta.dirname, '../packages/crypto/native');
const dir = mkdtempSync(join(tmpdir(), 'ratify-native-build-'));
cpSync(join(NATIVE, 'build.mjs'), join(dir, 'build.mjs'));
cpSync(join(NATIVE, 'binding.gyp'), join(dir, 'binding.gyp'));
cpSync(join(NATIVE, 'src'), join(dir, 'src'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function install(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(dir, 'build.mjs')], {
    cwd: dir,
    encoding: 'utf8',
    env: { HOME: dir, ...env },
    timeout: 120_000,
  });
}

describe('the native build never fails the install', () => {
  it('without python, make or a compiler: exit 0, one line, no addon', () => {
    const r = install({ PATH: '' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ratify: native ristretto255 backend not built \(.+\); Ratify will use the pure-TypeScript backend$/,
    );
    expect(existsSync(join(dir, 'build/Release/ratify_ristretto255.node'))).toBe(false);
  });

  it('RATIFY_SKIP_NATIVE=1 skips the build with the same one line', () => {
    const r = install({ PATH: process.env['PATH'] ?? '', RATIFY_SKIP_NATIVE: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      'ratify: native ristretto255 backend not built (RATIFY_SKIP_NATIVE=1); Ratify will use the pure-TypeScript backend',
    );
  });
});
