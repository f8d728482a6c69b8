// Health, the OpenAPI document and (development only) the mail log.
import { ok } from '@ratify/crypto';
import type { DevMailLog } from '../mail/mailer.ts';
import { openApiDocument } from './openapi.ts';
import type { RouteRegistrar } from './route-kit.ts';

export function metaRoutes(route: RouteRegistrar, clock: () => Date, devMailLog: DevMailLog | undefined): void {
  route('health', async () => ok({ status: 'ok' as const, time: clock().toISOString() }));
  // Built on request: by then every route has been registered.
  route('openapi', async () => ok(openApiDocument(route.registered)));
  if (devMailLog !== undefined) route('devMail', async () => ok({ messages: [...devMailLog.messages()] }));
}
