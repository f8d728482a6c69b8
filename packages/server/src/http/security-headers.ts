// Headers every answer carries: `X-Content-Type-Options: nosniff` (a JSON answer is never sniffed
// into HTML or script), `Cache-Control: no-store` on every API answer that does not set its own
// (answers are personal — sessions, CSRF tokens, rolls — and a shared or browser cache must not
// keep them; error answers too), and `Strict-Transport-Security` when the request came over TLS, directly or through a
// trusted TLS-terminating proxy (request.protocol honours X-Forwarded-Proto only from a trusted
// proxy, see proxy-trust.ts). HSTS is one year, without includeSubDomains or preload: the union's
// other sites on sibling names are not ours to force onto HTTPS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const HSTS = 'max-age=31536000';

/** Headers for answers written outside Fastify (the client-error handler writes on the socket). */
export function baseSecurityHeaders(): Readonly<Record<string, string>> {
  return { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
}

/** Sets the headers on `reply` (the onSend hook, and answers Fastify makes before routing). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-content-type-options', 'nosniff');
  if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
  const api = request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
  if ((api || reply.statusCode >= 400) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });
}
