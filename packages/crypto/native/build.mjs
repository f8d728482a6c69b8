// Builds the native ristretto255 addon with node-gyp: the install script of @ratify/crypto (workspace
// packages' install scripts always run under npm 11, allowScripts only gates dependencies from a
// registry) and `npm run build:native`. It NEVER fails the install and never downloads anything: no
// compiler, no local Node headers or any build error → one line saying so, exit 0, and at runtime the
// loader falls back to the pure-TypeScript backend (with its own one-line notice).
// Flags: --verbose shows node-gyp's output. Env: RATIFY_SKIP_NATIVE=1 skips the build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const verbose = process.argv.includes('--verbose');
const say = (line) => process.stdout.write(`ratify: ${line}\n`);
const skip = (why) => {
  say(`native ristretto255 backend not built (${why}); Ratify will use the pure-TypeScript backend`);
  process.exit(0);
};

if (process.env.RATIFY_SKIP_NATIVE === '1') skip('RATIFY_SKIP_NATIVE=1');
if (process.platform === 'win32') skip('Windows is not supported by the addon (it needs 128-bit integers)');

// The toolchain node-gyp needs on Unix: python, make, a C compiler and a C++ driver (it links with it).
const onPath = (name) =>
  name.includes('/')
    ? existsSync(name)
    : (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, name)));
const missing = [
  ['python3', 'python'],
  ['make', 'gmake'],
  [process.env.CC ?? 'cc', 'gcc', 'clang'],
  [process.env.CXX ?? 'c++', 'g++', 'clang++'],
]
  .filter((alternatives) => !alternatives.some(onPath))
  .map((alternatives) => alternatives[0]);
if (missing.length > 0) skip(`no ${missing.join(', ')} found`);

// node-gyp: the copy npm runs scripts with, else the one bundled with this Node's npm.
const prefix = dirname(dirname(process.execPath));
const gyp = [
  process.env.npm_config_node_gyp,
  join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
].filter((p) => p && existsSync(p))[0];
if (!gyp) skip('node-gyp not found');

// Node's headers: installed next to node (Debian, NodeSource, official tarballs), else node-gyp's cache.
// Never let node-gyp download them.
const args = ['rebuild'];
if (existsSync(join(prefix, 'include/node/node_api.h'))) args.push(`--nodedir=${prefix}`);
else {
  const cacheRoot =
    process.env.npm_config_devdir ??
    join(homedir(), process.platform === 'darwin' ? 'Library/Caches/node-gyp' : '.cache/node-gyp');
  if (!existsSync(join(cacheRoot, process.versions.node, 'include/node/node_api.h')))
    skip('Node headers not found locally');
}

const run = spawnSync(process.execPath, [gyp, ...args], {
  cwd: here,
  stdio: verbose ? 'inherit' : 'pipe',
  encoding: 'utf8',
  timeout: 10 * 60_000,
  env: { ...process.env, npm_config_offline: 'true' },
});
if (run.status !== 0)
  skip(
    `node-gyp exited with ${run.status ?? run.signal ?? run.error?.message}; run \`npm run build:native\` for details`,
  );
say('built the native ristretto255 backend (packages/crypto/native/build/Release/ratify_ristretto255.node)');
