// Every error the HTTP layer itself can produce, in the one body shape `{ error: { code, message } }`:
// malformed URL encoding (`/%ff`), over-long paths, unknown routes (404) and known paths with another
// method (405 with Allow), bodies that are too large (413), the wrong media type (415), malformed
// requests the Node parser rejects before Fastify sees them (400, 408, 431), and unexpected throws
// (a logged 500 with no detail). A 413 is readable by clients that are still sending: the
// connection stays open while the rest of the body is read and discarded (up to a cap), instead of
// closing under the client, which made `fetch` report EPIPE. Must not echo what the client sent.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiErrorCode, errorBody, statusOf } from './errors.ts';
import { sendError } from './route-kit.ts';
import { applySecurityHeaders, baseSecurityHeaders } from './security-headers.ts';

/** After a 413, at most this much more of the body is read (and dropped) before the connection is cut. */
export const MAX_DISCARDED_BODY = 64 * 1024 * 1024;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods `url` answers to, from the routes registered on `app` (the pages' catch-all excluded). */
function allowedMethods(app: FastifyInstance, url: string): readonly string[] {
  const path = url.split('?')[0] ?? url;
  return METHODS.filter((method) => {
    const found = app.findRoute({ method, url: path });
    return found !== null && !Object.hasOwn(found.params, '*');
  });
}

/** Reads and drops the rest of a body that was refused, so the 413 reaches a client that is still sending. */
function discardRestOfBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  let discarded = 0;
  raw.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BODY) raw.socket.destroy();
  });
  raw.resume();
  // Fastify asks for `connection: close` here; Node would then close the socket under a client that
  // is still writing. Kept alive, Node reads the rest of the body before the next request.
  reply.removeHeader('connection');
}

/** Fastify errors with a status of their own, by code (anything else 4xx is invalid_request). */
const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_BAD_URL: 'invalid_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/** 405 with Allow for an API path that other methods serve, else 404 (also used by the pages' catch-all). */
export function notFoundHandler(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (request.url.startsWith('/api/')) {
      const allowed = allowedMethods(app, request.url);
      if (allowed.length > 0) return sendError(reply.header('allow', allowed.join(', ')), 'method_not_allowed');
    }
    return sendError(reply, 'not_found');
  };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler(notFoundHandler(app));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const known = FASTIFY_CODES[error.code];
    if (known === 'too_large' || status === 413) {
      discardRestOfBody(request, reply);
      return sendError(reply, 'too_large');
    }
    if (known !== undefined) return sendError(reply, known);
    if (status === 415) return sendError(reply, 'unsupported_media_type');
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody('invalid_request'));
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error'));
  });
}

/** Fastify's own errors before routing (malformed URL encoding, over-long parameters). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code = FASTIFY_CODES[error.code] ?? 'invalid_request';
  // These answers skip the onSend hooks: the security headers are set here.
  void reply.code(statusOf(code));
  applySecurityHeaders(request, reply);
  void sendError(reply, code, code === 'invalid_request' ? 'the path is not valid percent-encoded UTF-8' : undefined);
}

/** What Node's HTTP parser rejects before any request exists: answered on the socket, then closed. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ApiErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'invalid_request';
  const status = statusOf(code);
  const body = JSON.stringify(errorBody(code));
  const headers = { ...baseSecurityHeaders(), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${statusText(status)}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  }
  socket.destroy();
}

function statusText(status: number): string {
  return status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
}
