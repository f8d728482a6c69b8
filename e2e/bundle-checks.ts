// Checks on the built browser bundle (packages/web via Vite), run by every web e2e test's build
// (web-harness.ts buildPages): the native ristretto255 backend must never reach a browser. Its loader
// names the addon file and the backend switch; neither string may appear in any built file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Strings only the Node-side backend selection contains (packages/crypto/src/native, src/backend/node.ts). */
export const NATIVE_LOADER_MARKERS = [
  'ratify_ristretto255',
  'RATIFY_CRYPTO_BACKEND',
  'createRequire',
] as const;

export function nativeLoaderFindings(distDir: string): string[] {
  const findings: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|html)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const marker of NATIVE_LOADER_MARKERS)
          if (text.includes(marker)) findings.push(`${entry.name}: ${marker}`);
      }
    }
  };
  walk(distDir);
  return findings;
}
