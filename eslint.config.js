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
  restrict(['packages/crypto/**'], ['@ratify/protocol', '@ratify/engine', '@ratify/verifier', '@ratify/storage', '@ratify/server', '@ratify/cli', '@ratify/web', 'node:fs', 'node:net', 'node:http', 'fs', 'better-sqlite3']),
  restrict(['packages/protocol/**'], ['@ratify/engine', '@ratify/verifier', '@ratify/storage', '@ratify/server', '@ratify/cli', '@ratify/web', 'node:fs', 'fs', 'better-sqlite3', '@noble/curves', '@noble/hashes']),
  restrict(['packages/verifier/**'], ['@ratify/storage', '@ratify/engine', '@ratify/server', '@ratify/cli', '@ratify/web', 'better-sqlite3', '@noble/curves']),
  restrict(['packages/storage/**'], ['@ratify/engine', '@ratify/verifier', '@ratify/server', '@ratify/cli', '@ratify/web']),
  restrict(['packages/engine/**'], ['@ratify/verifier', '@ratify/server', '@ratify/cli', '@ratify/web', '@noble/curves', 'better-sqlite3']),
  restrict(['packages/cli/**'], ['@ratify/server', '@ratify/web', '@noble/curves', 'better-sqlite3']),
);
