// A body over a route's limit gets a 413 the client can read, even while it is still sending: the
// server reads and drops the rest instead of closing under it (which `fetch` reported as EPIPE or
// ECONNRESET). The client runs in its own process, over real sockets, as a browser or script would
// (in-process, client and server share one event loop and the race never shows).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './fixtures.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Posts `count` bodies of `mib` MiB (with Content-Length, then chunked) with fetch; prints what came back. */
const CLIENT = `
const [base, path, count, mib] = process.argv.slice(1);
const outcomes = {};
const note = (k) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
const size = Number(mib) * 1024 * 1024;
const text = 'x'.repeat(size);
for (let i = 0; i < Number(count); i++) {
  for (const chunked of [false, true]) {
    const body = chunked
      ? new ReadableStream({ start(c) { for (let k = 0; k < size; k += 65536) c.enqueue(new TextEncoder().encode(text.slice(k, k + 65536))); c.close(); } })
      : text;
    try {
      const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' });
      const json = await r.json();
      note(r.status + ' ' + json.error.code);
    } catch (e) {
      note('error ' + String(e.cause?.code ?? e.cause ?? e));
    }
  }
}
console.log(JSON.stringify(outcomes));
`;

async function postFromAnotherProcess(path: string, count: number, mib: number): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CLIENT, server.baseUrl, path, String(count), String(mib)], { timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, number>;
}

describe('413 Payload Too Large', () => {
  it('reaches fetch clients posting 2 MiB bodies, many times, with no EPIPE or ECONNRESET', async () => {
    expect(await postFromAnotherProcess('/api/auth/request-code', 15, 2)).toEqual({ '413 too_large': 30 });
  }, 150_000);

  it('on a route with a larger limit too (a ballot, 256 KiB), with 8 MiB bodies', async () => {
    expect(await postFromAnotherProcess('/api/votes/some-vote/ballots', 4, 8)).toEqual({ '413 too_large': 8 });
  }, 150_000);

  it('keeps the connection usable afterwards', async () => {
    const big = await fetch(`${server.baseUrl}/api/auth/request-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect(big.headers.get('connection')).not.toBe('close');
    await big.arrayBuffer();
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
