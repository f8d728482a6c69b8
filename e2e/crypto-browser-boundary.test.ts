// The native ristretto255 backend stays out of browsers. Statically: the module graph of
// @ratify/crypto as a browser bundler resolves it ("#backend" without the "node" condition) reaches no
// Node built-in and nothing under src/native/. Dynamically: every web e2e build checks the real bundle
// (bundle-checks.ts); here the check itself is shown to catch the loader.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeLoaderFindings } from './bundle-checks.ts';

const CRYPTO = resolve(import.meta.dirname, '../packages/crypto');
const imports = JSON.parse(readFileSync(join(CRYPTO, 'package.json'), 'utf8')).imports as Record<
  string,
  Record<string, string>
>;

/** Every module specifier of a source file (static, dynamic, re-export, type-only included: stricter). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
  ))
    found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

/** The files reachable from `entry` inside the crypto package, resolving "#…" with `condition`. */
function graph(entry: string, condition: 'node' | 'default'): { files: Set<string>; external: Set<string> } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of specifiers(file)) {
      if (spec.startsWith('#')) {
        const target = imports[spec]?.[condition] ?? imports[spec]?.['default'];
        if (!target) throw new Error(`unmapped ${spec}`);
        visit(join(CRYPTO, target));
      } else if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else external.add(spec);
    }
  };
  visit(entry);
  return { files, external };
}

describe('@ratify/crypto in a browser bundle', () => {
  const browser = graph(join(CRYPTO, 'src/index.ts'), 'default');

  it('reaches no Node built-in and nothing of the native backend', () => {
    expect([...browser.external].filter((s) => s.startsWith('node:'))).toEqual([]);
    expect(
      [...browser.files].filter(
        (f) => f.includes('/src/native/') || f.endsWith('backend/node.ts') || f.endsWith('backend/select.ts'),
      ),
    ).toEqual([]);
    expect(browser.files.has(join(CRYPTO, 'src/backend/browser.ts'))).toBe(true);
  });

  it('while in Node the same entry reaches the native loader (so the check above is meaningful)', () => {
    const node = graph(join(CRYPTO, 'src/index.ts'), 'node');
    expect(node.files.has(join(CRYPTO, 'src/native/binding.ts'))).toBe(true);
    expect(node.external.has('node:module')).toBe(true);
  });

  it('the bundle check finds the loader when it is there, and nothing in clean output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratify-bundle-check-'));
    try {
      writeFileSync(join(dir, 'clean.js'), 'export const x = 1;');
      expect(nativeLoaderFindings(dir)).toEqual([]);
      writeFileSync(join(dir, 'bad.js'), readFileSync(join(CRYPTO, 'src/native/binding.ts'), 'utf8'));
      expect(nativeLoaderFindings(dir).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
