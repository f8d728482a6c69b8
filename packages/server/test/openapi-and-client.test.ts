// The OpenAPI document lists exactly the routes served (every route of the contract, the dev mail
// route only when enabled), with their error codes and, for document routes, binary success bodies;
// the typed client stays browser-safe.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, type RouteName } from '../src/api/routes.ts';
import { apiPath } from '../src/client.ts';
import { type TestServer, startServer } from './fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };

async function documented(s: TestServer): Promise<Doc> {
  const r = await s.client().openapi();
  if (!r.ok) throw new Error(r.error.code);
  return r.value as unknown as Doc;
}

const served = (s: TestServer) =>
  (Object.keys(ROUTES) as RouteName[]).filter((name) => s.app.hasRoute({ method: ROUTES[name].method, url: ROUTES[name].path }));

describe('GET /api/openapi.json', () => {
  it('documents every route of the contract, and every documented route is served', async () => {
    const s = (server = await startServer({ devMail: true }));
    const doc = await documented(s);
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(served(s).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(operations.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const spec = ROUTES[op.operationId as RouteName];
        expect([method.toUpperCase(), path]).toEqual([spec.method, spec.path.replace(/:(\w+)/g, '{$1}')]);
        expect(Object.keys(op.responses)).toContain(String(spec.status));
        expect(Object.keys(op.responses)).toContain('500');
      }
    }
    expect(Object.keys(doc.paths['/api/votes/{id}/ballots']!['post']!.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '429', '500']);
  });

  it("describes a document route's success as binary in each type it produces, not as JSON; errors stay JSON", async () => {
    const s = (server = await startServer());
    const doc = await documented(s);
    const producing = (Object.keys(ROUTES) as RouteName[]).filter((name) => 'produces' in ROUTES[name]);
    expect(producing.sort()).toEqual(['getDocument', 'resultReport', 'voteOfferDocument']);
    const binary = { schema: { type: 'string', format: 'binary' } };
    for (const path of ['/api/admin/documents/{id}', '/api/votes/{id}/offer/documents/{documentId}']) {
      const responses = doc.paths[path]!['get']!.responses as Record<string, { content: Record<string, unknown> }>;
      expect(responses['200']!.content, path).toEqual({ 'application/pdf': binary, 'text/markdown': binary });
      expect(Object.keys(responses['404']!.content), path).toEqual(['application/json']);
    }
    const report = doc.paths['/api/votes/{id}/report.pdf']!['get']!.responses as Record<string, { content: Record<string, unknown> }>;
    expect(report['200']!.content).toEqual({ 'application/pdf': binary });
    expect(Object.keys(report['404']!.content)).toEqual(['application/json']);
    // Every other route still answers JSON.
    expect(Object.keys((doc.paths['/api/votes/{id}/offer']!['get']!.responses as Record<string, { content: object }>)['200']!.content)).toEqual(['application/json']);
  });

  it('leaves the dev mail route out, served and documented, unless RATIFY_DEV_MAIL is on', async () => {
    const s = (server = await startServer({ devMail: false }));
    expect(served(s)).not.toContain('devMail');
    expect((await documented(s)).paths['/api/dev/mail']).toBeUndefined();
    expect(await s.client().devMail()).toMatchObject({ status: 404, error: { code: 'not_found' } });
  });

  it('shows the dev mail log when on', async () => {
    const s = (server = await startServer({ devMail: true }));
    await s.client().requestCode('NOBODY');
    expect(await s.client().devMail()).toEqual({ ok: true, status: 200, value: { messages: [] } });
  });
});

describe('typed client', () => {
  it("fills a route's path from the route table, each segment encoded (links the browser follows itself)", () => {
    expect(apiPath('voteOfferDocument', { id: 'guild-2008', documentId: 'summary' })).toBe('/api/votes/guild-2008/offer/documents/summary');
    expect(apiPath('voteOfferDocument', { id: 'a/b c', documentId: '../x' })).toBe('/api/votes/a%2Fb%20c/offer/documents/..%2Fx');
    expect(apiPath('health')).toBe('/api/health');
  });

  it('imports nothing but the API contract and zod (usable from browsers)', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '../src');
    const files = ['client.ts', ...readdirSync(join(src, 'api')).map((f) => `api/${f}`)];
    for (const file of files) {
      const imports = [...readFileSync(join(src, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect({ file, spec, ok: spec === 'zod' || /^\.\/(api\/)?[a-z-]+\.ts$/.test(spec) }).toMatchObject({ ok: true });
    }
  });
});
