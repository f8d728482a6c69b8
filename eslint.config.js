// Lint rules, including the dependency direction of the packages (docs/decisions/0001-monorepo-layout.md):
// crypto <- protocol <- {verifier, storage, server, cli, web}. Enforced here, not only documented.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((name) => ({ group: [name, `${name}/*`], message: 'Dependency direction: see docs/decisions/0001-monorepo-layout.md' })) },
    ],
  },
});

const CRYPTO_FORBIDDEN = ['@ratify/protocol', '@ratify/engine', '@ratify/verifier', '@ratify/storage', '@ratify/server', '@ratify/cli', '@ratify/web', 'node:fs', 'node:net', 'node:http', 'fs', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-vectors/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // crypto (native/build.mjs is the install-time build script, not library code).
  { ...restrict(['packages/crypto/**'], CRYPTO_FORBIDDEN), ignores: ['packages/crypto/native/**'] },
  // The native addon stays behind the Node-only entry of "#backend" (docs/decisions/0014-native-ristretto255-backend.md):
  // only src/backend/node.ts, src/backend/select.ts and src/native/ may reach it or Node built-ins, so the
  // browser entry (src/backend/browser.ts) and everything the verifier or the booth imports stays portable.
  {
    files: ['packages/crypto/src/**'],
    ignores: ['packages/crypto/src/native/**', 'packages/crypto/src/backend/node.ts', 'packages/crypto/src/backend/select.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...CRYPTO_FORBIDDEN.map((name) => ({ group: [name, `${name}/*`], message: 'Dependency direction: see docs/decisions/0001-monorepo-layout.md' })),
            { group: ['**/native/*', 'node:*'], message: 'Only src/backend/node.ts and src/backend/select.ts reach the native backend or Node built-ins (browser bundles must not)' },
          ],
        },
      ],
    },
  },
  restrict(['packages/protocol/**'], ['@ratify/engine', '@ratify/verifier', '@ratify/storage', '@ratify/server', '@ratify/cli', '@ratify/web', 'node:fs', 'fs', 'better-sqlite3', '@noble/curves', '@noble/hashes']),
  restrict(['packages/verifier/**'], ['@ratify/storage', '@ratify/engine', '@ratify/server', '@ratify/cli', '@ratify/web', 'better-sqlite3', '@noble/curves']),
  // report: printable documents from the public record; crypto, protocol and its PDF/barcode libraries only.
  restrict(['packages/report/src/**'], ['@ratify/storage', '@ratify/engine', '@ratify/server', '@ratify/cli', '@ratify/web', '@ratify/verifier', 'better-sqlite3', 'node:fs', 'fs']),
  restrict(['packages/storage/**'], ['@ratify/engine', '@ratify/verifier', '@ratify/server', '@ratify/cli', '@ratify/web']),
  restrict(['packages/engine/**'], ['@ratify/verifier', '@ratify/server', '@ratify/cli', '@ratify/web', '@noble/curves', 'better-sqlite3']),
  // web: the browser pages talk to the server only through its typed client and the API contract
  // (browser-safe zod schemas); no server internals, storage, engine, native modules or Node built-ins.
  {
    files: ['packages/web/src/**', 'packages/web/test/**'],
    ignores: ['packages/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@ratify/server(?!/(?:client|api)$)',
              message: 'web may import only @ratify/server/client and @ratify/server/api (docs/decisions/0001-monorepo-layout.md)',
            },
            { group: ['**/server/src/**', '**/storage/src/**', '**/engine/src/**'], message: 'web must not reach into other packages by path' },
            ...['@ratify/storage', '@ratify/engine', '@ratify/verifier', '@ratify/cli', 'better-sqlite3', '@noble/curves', 'node:*'].map((name) => ({
              group: [name, `${name}/*`],
              message: 'Dependency direction: web runs in the browser (docs/decisions/0001-monorepo-layout.md)',
            })),
          ],
          // Bare Node built-in names, matched exactly (a pattern would also match our own ./crypto folder).
          paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net', 'stream', 'buffer', 'worker_threads'].map((name) => ({
            name,
            message: 'web runs in the browser: no Node built-ins',
          })),
        },
      ],
    },
  },
  restrict(['packages/cli/**'], ['@ratify/server', '@ratify/web', '@noble/curves', 'better-sqlite3']),
  restrict(['packages/server/**'], ['@ratify/verifier', '@ratify/cli', '@ratify/web']),
  // The admin console's whole-vote test checks the exported record with the independent verifier (tests only).
  restrict(['packages/server/test/admin-flow.test.ts'], ['@ratify/cli', '@ratify/web']),
  // The typed client and the API contract run in browsers: zod and each other only.
  restrict(
    ['packages/server/src/client.ts', 'packages/server/src/api/**'],
    ['@ratify/verifier', '@ratify/cli', '@ratify/web', '@ratify/engine', '@ratify/storage', '@ratify/crypto', '@ratify/protocol', 'fastify', 'node:*', 'better-sqlite3'],
  ),
);
