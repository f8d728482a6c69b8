// buildApp(deps): the Fastify application from its dependencies (engine + store, mailer, clock,
// config) — no globals, so tests build as many as they like in-process. Owns the cross-cutting
// parts: JSON bodies kept as raw text (canonical bytes matter), the error hooks and security
// headers (http/framework-errors.ts, http/security-headers.ts), which proxies may name the client
// (http/proxy-trust.ts), structured logs with secrets redacted.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps, LoggerOptions } from './deps.ts';
import { adminGuard, adminRoutes } from './http/admin.ts';
import { auditWriter, staffGuard, staffRoutes } from './http/staff.ts';
import { staffAccountRoutes } from './http/staff-accounts.ts';
import { authRoutes, memberGuard } from './http/auth.ts';
import { campaignRoutes } from './http/campaigns.ts';
import { consoleRoutes } from './http/console.ts';
import { bargainingRoutes } from './http/bargaining.ts';
import { createBargainingService } from './services/bargaining.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './http/framework-errors.ts';
import { fastifyTrustProxy } from './http/proxy-trust.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { followUpRoutes } from './http/follow-ups.ts';
import { memberRoutes } from './http/member.ts';
import { notificationRoutes } from './http/notifications.ts';
import { metaRoutes } from './http/meta.ts';
import { pageRoutes } from './http/pages.ts';
import { publicVoteRoutes } from './http/public-votes.ts';
import { routeRegistrar } from './http/route-kit.ts';
import { createAdminService } from './services/admin.ts';
import { createBallotService } from './services/ballots.ts';
import { createCampaignService } from './services/campaigns.ts';
import { createCeremonyRelay, ceremonyStatusOf } from './services/ceremony-relay.ts';
import { createDraftService } from './services/drafts.ts';
import { createFollowUpService } from './services/follow-ups.ts';
import { createRollService } from './services/rolls.ts';
import { createTrusteeTallyService } from './services/trustee-tally.ts';
import { createTurnoutDashboard } from './services/turnout-dashboard.ts';
import { createMemberService } from './services/members.ts';
import { createNotificationService } from './services/notifications.ts';
import { createPublicVoteService } from './services/public-votes.ts';
import { createResultReportService } from './services/result-report.ts';
import { resultReportRoutes } from './http/result-report.ts';
import { createRateLimiter } from './services/rate-limit.ts';
import { type SignInOutbox, createSignInOutbox, createSignInService } from './services/sign-in.ts';
import { createStaffSignInService } from './services/staff-sign-in.ts';

/** Never logged: cookies, tokens, bodies (codes, ballots), and anything named like a secret. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'body',
  '*.body',
  'code',
  'token',
  '*.token',
  'ballot',
  '*.ballot',
  'credential',
  '*.credential',
  'password',
  '*.password',
  'totp',
  '*.totp',
  'csrfToken',
  '*.csrfToken',
  'req.headers["x-csrf-token"]',
];

declare module 'fastify' {
  interface FastifyInstance {
    /** Makes and mails the codes members asked for, off the request path (main.ts kicks it on a timer too). */
    readonly signInOutbox: SignInOutbox;
  }
}

function loggerOptions(options: LoggerOptions | false | undefined): NonNullable<FastifyServerOptions['logger']> {
  if (options === false) return false;
  return {
    level: options?.level ?? 'info',
    ...(options?.stream ? { stream: options.stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Only what operations need: no headers (cookies, tokens), no bodies.
      req: (req: { method: string; url: string; ip?: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const { engine, config, clock } = deps;
  const options: FastifyServerOptions = {
    logger: loggerOptions(deps.logger),
    trustProxy: fastifyTrustProxy(config.trustProxy),
    frameworkErrors,
    clientErrorHandler,
  };
  const app: FastifyInstance = Fastify(options);
  installSecurityHeaders(app);
  installErrorHandlers(app);

  // Every JSON body stays text: routes parse it themselves (ballots must keep their exact bytes).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));


  const limiter = createRateLimiter(engine.store, clock, config.pepper, config.rateLimits.windowMs);
  const signInDeps = { store: engine.store, mailer: deps.mailer, clock, config, limiter, warn: (obj: object, msg: string) => app.log.warn(obj, msg) };
  const signInOutbox = createSignInOutbox(signInDeps);
  app.decorate('signInOutbox', signInOutbox);
  // Closing waits for the codes being made, so none is half-written when the store closes.
  app.addHook('onClose', () => signInOutbox.idle());
  const signIn = createSignInService(signInDeps, signInOutbox);
  const members = createMemberService(engine);
  const staffSignIn = createStaffSignInService({ store: engine.store, clock, config, limiter });
  const route = routeRegistrar(app, {
    member: memberGuard(signIn),
    admin: adminGuard(config.adminToken),
    staff: staffGuard(adminGuard(config.adminToken), staffSignIn),
    audit: auditWriter(engine.store),
  });

  metaRoutes(route, clock, config.devMail ? deps.devMailLog : undefined);
  publicVoteRoutes(route, createPublicVoteService(engine));
  resultReportRoutes(route, createResultReportService(engine, config.publicUrl));
  authRoutes(route, signIn, config.cookieSecure, config.sessionTtlMs);
  memberRoutes(route, members, createBallotService(engine, members));
  adminRoutes(route, createAdminService(engine));
  const drafts = createDraftService(engine, (draft, messages) => ceremonyStatusOf(engine, draft, messages).kind, config.secretKey);
  const relay = createCeremonyRelay(engine, drafts);
  consoleRoutes(route, {
    rolls: createRollService(engine),
    drafts,
    relay,
    tally: createTrusteeTallyService(engine, drafts, relay),
    turnout: createTurnoutDashboard(engine),
  });
  followUpRoutes(route, createFollowUpService(engine, drafts, createPublicVoteService(engine)));
  notificationRoutes(
    route,
    createNotificationService({ engine, secretKey: config.secretKey, publicUrl: config.publicUrl, clock, publicVotes: createPublicVoteService(engine), mailPerMinute: config.mailPerMinute }),
  );
  bargainingRoutes(route, createBargainingService(engine));
  campaignRoutes(route, createCampaignService({ engine, secretKey: config.secretKey, publicUrl: config.publicUrl, clock, limiter }));
  staffRoutes(route, staffSignIn, engine.store, config.cookieSecure, config.staffSessionTtlMs);
  staffAccountRoutes(route, engine.store, clock, limiter, config.rateLimits.passwordChangePerAccount);
  if (deps.pagesDir !== undefined) pageRoutes(app, deps.pagesDir);
  return app;
}
