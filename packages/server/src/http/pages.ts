// Serves the built web pages (packages/web/dist) from the API's origin: files under the pages
// directory, index.html for any other non-API path (the pages route by path), a strict Content
// Security Policy (the booth runs under it: no inline script, workers from self), no caching of the
// HTML and long caching of hashed assets. Must never serve anything outside the directory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { notFoundHandler } from './framework-errors.ts';

export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export function pageRoutes(app: FastifyInstance, pagesDir: string): void {
  const root = normalize(pagesDir);
  const notFound = notFoundHandler(app);
  app.get('/*', (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://pages').pathname);
    } catch {
      path = '/';
    }
    if (path.startsWith('/api/')) return notFound(request, reply);
    let file = normalize(join(root, path));
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const isAsset = file.startsWith(join(root, 'assets') + sep);
    void reply
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
      .type(TYPES[extname(file)] ?? 'application/octet-stream');
    return reply.send(readFileSync(file));
  });
}
