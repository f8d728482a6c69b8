// Every error the server can produce has the one body shape `{ error: { code, message } }`, JSON,
// nosniff and no-store — including what Fastify and Node's parser refuse before any route runs
// (`/%ff`, malformed request lines, bad Content-Length, huge headers), 404 and 405 (with Allow) —
// and no error message echoes control characters, NUL, bidi controls or lone surrogates.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBody } from '../src/http/errors.ts';
import { type TestServer, startServer } from './fixtures.ts';

const strictErrorBody = z.strictObject({ error: z.strictObject({ code: z.string().regex(/^[a-z_]+$/), message: z.string().min(1) }) });
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

type RawAnswer = { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };

/** Sends bytes as they are (no client normalises them) and reads the whole answer. */
function raw(request: string | Buffer): Promise<RawAnswer> {
  const { port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

function expectErrorAnswer(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = strictErrorBody.parse(JSON.parse(answer.body));
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(UNSAFE);
}

describe('one error body shape for everything the server can answer', () => {
  const cases: readonly (readonly [name: string, request: string, status: number, code: string])[] = [
    ['a malformed percent-encoding at the root', 'GET /%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400, 'invalid_request'],
    ['a malformed percent-encoding in an API path', 'GET /api/votes/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400, 'invalid_request'],
    ['an encoded lone surrogate and NUL in a path', 'GET /api/votes/a%00b%ED%A0%80c/board HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400, 'invalid_request'],
    ['an unknown route', 'GET /api/no-such-route HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404, 'not_found'],
    ['a method the path does not take', 'DELETE /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405, 'method_not_allowed'],
    ['GET on a POST-only route', 'GET /api/auth/request-code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405, 'method_not_allowed'],
    ['a body that is not JSON', 'POST /api/auth/request-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{"a', 400, 'invalid_json'],
    ['a form body', 'POST /api/auth/request-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b', 415, 'unsupported_media_type'],
    ['a body over the route limit', `POST /api/auth/request-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20000\r\nConnection: close\r\n\r\n${'x'.repeat(20000)}`, 413, 'too_large'],
    ['a request line Node cannot parse', 'GARBAGE\r\n\r\n', 400, 'invalid_request'],
    ['a Content-Length that is not a number', 'POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400, 'invalid_request'],
    ['headers larger than Node accepts', `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
  ];
  for (const [name, request, status, code] of cases) {
    it(`${name}: ${status} ${code}`, async () => expectErrorAnswer(await raw(request), status, code));
  }

  it('405 names the methods the path takes', async () => {
    expect((await raw('GET /api/auth/request-code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).headers['allow']).toBe('POST');
    expect((await raw('POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')).headers['allow']).toBe('GET');
  });
});

describe('error messages never echo control characters, NUL, bidi controls or lone surrogates', () => {
  it('replaces them in a key or id the caller sent that the message names', async () => {
    const hostile = 'x\\u0000y\\ud800z\\u202eevil\\u001b[31m';
    const r = await server.client().call('requestCode', { text: `{"memberNumber":"G1","${hostile}":1}` });
    expect(r).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_request' } });
    if (r.ok) return;
    expect(r.error.message).not.toMatch(UNSAFE);
    expect(r.error.message).toContain('x\uFFFDy\uFFFDz\uFFFDevil\uFFFD[31m');
  });

  it('for every code, whatever the detail', () => {
    const detail = 'a\u0000b\r\nc\u0085d\u2066e\uDC00f\u007F';
    const body = errorBody('invalid_request', detail);
    expect(body.error.message).toBe('The request is not valid: a\uFFFDb\uFFFD\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD');
    // Cutting a long detail never leaves half a surrogate pair behind.
    expect(errorBody('invalid_request', `${'a'.repeat(299)}😀`).error.message).not.toMatch(UNSAFE);
  });
});
