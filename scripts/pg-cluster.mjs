// A throw-away PostgreSQL cluster for tests: initdb into a fresh temp dir as an unprivileged user
// (PostgreSQL refuses to run as root: as root we run it as `postgres`, the account Debian's package
// creates), listening on 127.0.0.1 only, on a free port, trust auth on loopback (nothing else can
// reach it). `stop()` stops it and removes the directory. Plain ESM so scripts and vitest share it.
// When anything fails the error says why (missing binaries, no unprivileged user, start failure
// with the server's log); callers let it fail the run, never skip the PostgreSQL tests.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or PATH's. */
export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return join(root, versions[0], 'bin');
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0) return join(which.stdout.trim(), '..');
  throw new Error('PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin or on PATH (apt-get install -y postgresql)');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** As root, the unprivileged account to run PostgreSQL as: its uid and gid. */
function runAsAccount() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const name = process.env.RATIFY_PG_USER ?? 'postgres';
  const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (id.status !== 0 || gid.status !== 0) {
    throw new Error(`running as root and there is no "${name}" account to run PostgreSQL as (PostgreSQL refuses root; install Debian's postgresql package or set RATIFY_PG_USER)`);
  }
  return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Starts a cluster; resolves to `{ url, port, dir, bin, stop }`. */
export async function startCluster({ database = 'ratify' } = {}) {
  const bin = postgresBinDir();
  const account = runAsAccount();
  const dir = mkdtempSync(join(tmpdir(), 'ratify-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (account !== null) {
    chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
  }
  const run = (command, args) => {
    const full = join(bin, command);
    const argv = account === null ? [full, ...args] : ['runuser', '-u', account.name, '--', full, ...args];
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`PostgreSQL ${command} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim()}\n${serverLog}`.trim());
    }
    return r.stdout;
  };
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // Already gone: nothing to stop.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'ratify', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
    let lastError;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      // Loopback TCP only; the socket directory is ours; durability settings are for a throw-away
      // cluster (a test never survives the machine).
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      try {
        run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
        started = true;
        const base = `postgres://ratify@127.0.0.1:${port}`;
        run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'ratify', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `create database "${database}"`]);
        return { url: `${base}/${database}`, baseUrl: base, port, dir, bin, stop };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    stop();
    throw error;
  }
}
