// Serving the built pages: files, the index for page routes, never a file outside the directory,
// the API's 404s stay JSON, and the security headers the booth relies on.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '@ratify/engine';
import { openSqliteStore } from '@ratify/storage';
import { DevMailLog, PAGE_CSP, appConfig, buildApp } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ratify-pages-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>index</title>');
writeFileSync(join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'ratify-secret-outside.txt'), 'secret');

const store = await openSqliteStore(':memory:');
const app = buildApp({ engine: createEngine({ store }), mailer: new DevMailLog(), clock: () => new Date(), config: appConfig(), logger: false, pagesDir: dir });
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('pages', () => {
  it('serves files with the CSP, and caches only hashed assets', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cache-control']).toContain('immutable');
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('<title>index</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers page routes with the index (the pages route by path)', async () => {
    const r = await app.inject({ method: 'GET', url: '/votes/some-vote/board?q=ab12' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<title>index</title>');
  });

  it('never serves a file outside the pages directory', async () => {
    for (const url of ['/../ratify-secret-outside.txt', '/%2e%2e/ratify-secret-outside.txt', '/assets/..%2f..%2fratify-secret-outside.txt']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.body).not.toContain('secret');
    }
  });

  it('keeps JSON 404s for unknown API routes', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
