// Configuration from the environment, read once by main.ts and passed down (never read elsewhere).
// PORT (3000), DATABASE_URL (sqlite:./data/ratify.db), RATIFY_PEPPER (hex or text; random per
// process if unset, which invalidates outstanding codes on restart), RATIFY_ADMIN_TOKEN (admin routes
// disabled if unset), RATIFY_DEV_MAIL=1 (dev mail route), RATIFY_COOKIE_SECURE=always|auto|never,
// RATIFY_TRUST_PROXY=1 (honour X-Forwarded-* from a TLS-terminating proxy), LOG_LEVEL,
// RATIFY_PAGES_DIR (serve the built web pages), RATIFY_DEMO=1 + RATIFY_DEMO_DIR (seed the demo).
import { randomBytes } from 'node:crypto';
import type { CookieSecurity } from './auth/cookies.ts';

export type RateLimits = {
  readonly windowMs: number;
  readonly requestCodePerMember: number;
  readonly requestCodePerIp: number;
  readonly verifyCodePerMember: number;
  readonly verifyCodePerIp: number;
};

/** What buildApp needs; tests build one with appConfig(overrides). */
export type AppConfig = {
  readonly pepper: Uint8Array;
  readonly adminToken: string | null;
  readonly devMail: boolean;
  readonly cookieSecure: CookieSecurity;
  readonly trustProxy: boolean;
  readonly sessionTtlMs: number;
  readonly codeTtlMs: number;
  readonly rateLimits: RateLimits;
};

export type ServerConfig = AppConfig & {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly logLevel: string;
  readonly pepperGenerated: boolean;
  /** RATIFY_PAGES_DIR: the built web pages; unset: API only. */
  readonly pagesDir: string | undefined;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 15 * 60_000,
  requestCodePerMember: 5,
  requestCodePerIp: 30,
  verifyCodePerMember: 10,
  verifyCodePerIp: 60,
};

export function appConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    pepper: randomBytes(32),
    adminToken: null,
    devMail: false,
    cookieSecure: 'auto',
    trustProxy: false,
    sessionTtlMs: 12 * 60 * 60_000,
    codeTtlMs: 10 * 60_000,
    rateLimits: DEFAULT_RATE_LIMITS,
    ...overrides,
  };
}

function cookieSecurity(value: string | undefined): CookieSecurity {
  if (value === undefined || value === '') return 'auto';
  if (value === 'always' || value === 'auto' || value === 'never') return value;
  throw new Error(`RATIFY_COOKIE_SECURE must be always, auto or never (got "${value}")`);
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env['PORT']}")`);
  const pepperText = env['RATIFY_PEPPER'];
  const pepper =
    pepperText === undefined || pepperText === ''
      ? randomBytes(32)
      : /^(?:[0-9a-f]{2}){16,}$/i.test(pepperText)
        ? Buffer.from(pepperText, 'hex')
        : Buffer.from(pepperText, 'utf8');
  const adminToken = env['RATIFY_ADMIN_TOKEN'];
  if (adminToken !== undefined && adminToken !== '' && adminToken.length < 16) {
    throw new Error('RATIFY_ADMIN_TOKEN must be at least 16 characters');
  }
  return {
    ...appConfig({
      pepper,
      adminToken: adminToken === undefined || adminToken === '' ? null : adminToken,
      devMail: env['RATIFY_DEV_MAIL'] === '1',
      cookieSecure: cookieSecurity(env['RATIFY_COOKIE_SECURE']),
      trustProxy: env['RATIFY_TRUST_PROXY'] === '1',
    }),
    port,
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] ?? 'sqlite:./data/ratify.db',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    pepperGenerated: pepperText === undefined || pepperText === '',
    pagesDir: env['RATIFY_PAGES_DIR'] === undefined || env['RATIFY_PAGES_DIR'] === '' ? undefined : env['RATIFY_PAGES_DIR'],
  };
}
