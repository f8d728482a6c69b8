// Minimal operational admin routes (open, close, partial decryptions, result) behind a bearer token
// from config, compared in constant time. Full admin routes are a later issue.
import { type Result, err, ok } from '@ratify/crypto';
import type { FastifyRequest } from 'fastify';
import { safeEqual } from '../auth/secrets.ts';
import type { createAdminService } from '../services/admin.ts';
import type { ApiErrorCode } from './errors.ts';
import type { RouteRegistrar } from './route-kit.ts';
import { asVoteId } from '@ratify/protocol';

export function adminGuard(adminToken: string | null) {
  return (request: FastifyRequest): Result<true, ApiErrorCode> => {
    if (adminToken === null) return err('admin_disabled');
    const header = request.headers.authorization;
    if (header === undefined) return err('admin_token_required');
    const m = /^Bearer (\S+)$/.exec(header);
    if (!m || !safeEqual(m[1]!, adminToken)) return err('admin_token_invalid');
    return ok(true);
  };
}

export function adminRoutes(route: RouteRegistrar, admin: ReturnType<typeof createAdminService>): void {
  route('adminOpen', ({ params }) => admin.open(asVoteId(params.id)));
  route('adminClose', ({ params }) => admin.close(asVoteId(params.id)));
  route('adminPartialDecryption', ({ params, body }) => admin.partialDecryption(asVoteId(params.id), body));
  route('adminPublishResult', ({ params }) => admin.publish(asVoteId(params.id)));
}
