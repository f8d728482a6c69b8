// Configuration from the environment, read once by main.ts and passed down (never read elsewhere).
// PORT (3000), DATABASE_URL (sqlite:./data/ratify.db), RATIFY_PEPPER (hex or text; random per
// process if unset, which invalidates outstanding codes on restart), RATIFY_ADMIN_TOKEN (admin routes
// disabled if unset), RATIFY_DEV_MAIL=1 (dev mail route), RATIFY_COOKIE_SECURE=always|auto|never,
// RATIFY_TRUST_PROXY (a hop count or proxy addresses: http/proxy-trust.ts), LOG_LEVEL,
// RATIFY_PAGES_DIR (serve the built web pages), RATIFY_DEMO=1 + RATIFY_DEMO_DIR (seed the demo).
// RATIFY_SECRET_KEY (32 bytes, hex or base64): seals staff TOTP secrets (required for administrators).
// SMTP_URL (real mail; unset: dev mail log), RATIFY_MAIL_FROM, RATIFY_MAIL_PER_MINUTE (60),
// RATIFY_PUBLIC_URL (links in emails). RATIFY_SECRET_KEY also seals queued mail bodies.
// RATIFY_CAST_GROUP_MAX (128): most ballots stored per commit under load (1 = a commit per ballot).
// Outside the demo, the public demo admin token and RATIFY_DEV_MAIL=1 are refused unless
// RATIFY_ALLOW_INSECURE=1 says the operator means it.
import { randomBytes } from 'node:crypto';
import { DEFAULT_CAST_GROUP_MAX, parseSecretKey } from '@ratify/engine';
import type { CookieSecurity } from './auth/cookies.ts';
import { NO_PROXY, type ProxyTrust, parseProxyTrust } from './http/proxy-trust.ts';

/** The admin token `npm start` (the demo) uses: published in this repository, so never a secret. */
export const DEMO_ADMIN_TOKEN = 'demo-admin-token-not-secret';
/** The variable that lets a non-demo start keep the demo token or the development mail log. */
export const ALLOW_INSECURE_ENV = 'RATIFY_ALLOW_INSECURE';

/**
 * Sign-in limits (decision 0019). Nothing here is counted per member or per account alone, so an
 * attacker's attempts never use up the budget of the member's or staff member's own browser.
 */
export type RateLimits = {
  readonly windowMs: number;
  /** Code requests per (member number, browser) per window. */
  readonly requestCodePerBrowser: number;
  readonly requestCodePerIp: number;
  /** Code guesses per (member number, browser) per window. */
  readonly verifyCodePerBrowser: number;
  readonly verifyCodePerIp: number;
  /** Wrong guesses a code survives; then it is dead (only its own browser can guess at it). */
  readonly codeWrongGuesses: number;
  /** 6-digit codes per member per day, all browsers together; later codes that day have 12 digits. */
  readonly shortCodesPerMemberPerDay: number;
  /** Staff sign-in attempts per (username, browser) per window. */
  readonly staffLoginPerBrowser: number;
  readonly staffLoginPerIp: number;
  /** Staff sign-in attempts per username per window from browsers the account has not signed in from lately. */
  readonly staffLoginNewBrowsersPerAccount: number;
  /** How long a browser stays known after the account signed in from it. */
  readonly staffKnownBrowserMs: number;
  /** Password changes (right or wrong current password) per staff account per window. */
  readonly passwordChangePerAccount: number;
};

/** What buildApp needs; tests build one with appConfig(overrides). */
export type AppConfig = {
  readonly pepper: Uint8Array;
  readonly adminToken: string | null;
  readonly devMail: boolean;
  readonly cookieSecure: CookieSecurity;
  /** RATIFY_TRUST_PROXY: which proxies may name the client (X-Forwarded-For, -Proto). */
  readonly trustProxy: ProxyTrust;
  readonly sessionTtlMs: number;
  readonly codeTtlMs: number;
  readonly rateLimits: RateLimits;
  /** RATIFY_SECRET_KEY (32 bytes): seals administrators' TOTP secrets; null: administrators cannot sign in. */
  readonly secretKey: Uint8Array | null;
  readonly staffSessionTtlMs: number;
  /** RATIFY_PUBLIC_URL: the origin members reach (links in emails), without a trailing slash. */
  readonly publicUrl: string;
  /** RATIFY_MAIL_PER_MINUTE: the queue's send rate (default 60); the console's time-left estimate uses it. */
  readonly mailPerMinute: number;
};

export type ServerConfig = AppConfig & {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly logLevel: string;
  readonly pepperGenerated: boolean;
  /** RATIFY_PAGES_DIR: the built web pages; unset: API only. */
  readonly pagesDir: string | undefined;
  /** RATIFY_SCHEDULER_SECONDS (15): how often the scheduler opens and closes votes that are due. */
  readonly schedulerIntervalMs: number;
  /** RATIFY_CAST_GROUP_MAX: most ballots stored per commit under load (decision 0022). */
  readonly castGroupMax: number;
  /** SMTP_URL (smtp://host:port): real mail; unset: the development mail log. */
  readonly smtpUrl: string | undefined;
  /** RATIFY_MAIL_FROM: the From of every message. */
  readonly mailFrom: string;
  /** RATIFY_DEMO=1: seed the demo (and allow its public admin token and the development mail log). */
  readonly demo: boolean;
  /** RATIFY_ALLOW_INSECURE=1 (outside the demo): run with the demo token or RATIFY_DEV_MAIL=1 anyway. */
  readonly allowInsecure: boolean;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 15 * 60_000,
  requestCodePerBrowser: 5,
  requestCodePerIp: 30,
  verifyCodePerBrowser: 10,
  verifyCodePerIp: 60,
  codeWrongGuesses: 3,
  shortCodesPerMemberPerDay: 3,
  staffLoginPerBrowser: 10,
  staffLoginPerIp: 30,
  staffLoginNewBrowsersPerAccount: 30,
  staffKnownBrowserMs: 90 * 24 * 60 * 60_000,
  passwordChangePerAccount: 5,
};

export function appConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    pepper: randomBytes(32),
    adminToken: null,
    devMail: false,
    cookieSecure: 'auto',
    trustProxy: NO_PROXY,
    sessionTtlMs: 12 * 60 * 60_000,
    codeTtlMs: 10 * 60_000,
    rateLimits: DEFAULT_RATE_LIMITS,
    secretKey: null,
    staffSessionTtlMs: 8 * 60 * 60_000,
    mailPerMinute: 60,
    publicUrl: 'http://127.0.0.1:3000',
    ...overrides,
  };
}

function mailRate(value: string | undefined): number {
  if (value === undefined || value === '') return 60;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`RATIFY_MAIL_PER_MINUTE must be a whole number from 1 to 100000 (got "${value}")`);
  return n;
}

function castGroupMax(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_CAST_GROUP_MAX;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`RATIFY_CAST_GROUP_MAX must be a whole number from 1 to 10000 (got "${value}")`);
  return n;
}

function schedulerInterval(value: string | undefined): number {
  if (value === undefined || value === '') return 15_000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3600) throw new Error(`RATIFY_SCHEDULER_SECONDS must be a whole number from 1 to 3600 (got "${value}")`);
  return n * 1000;
}

function cookieSecurity(value: string | undefined): CookieSecurity {
  if (value === undefined || value === '') return 'auto';
  if (value === 'always' || value === 'auto' || value === 'never') return value;
  throw new Error(`RATIFY_COOKIE_SECURE must be always, auto or never (got "${value}")`);
}

/** Refuses, outside the demo and unless forced, settings that publish secrets (see ALLOW_INSECURE_ENV). */
function refuseInsecure(adminToken: string | null, devMail: boolean, demo: boolean, allowInsecure: boolean): void {
  if (demo || allowInsecure) return;
  if (adminToken === DEMO_ADMIN_TOKEN) {
    throw new Error(
      `RATIFY_ADMIN_TOKEN is the demo's public token (${DEMO_ADMIN_TOKEN}): anyone could use the admin routes. ` +
        `Set a secret one (e.g. \`openssl rand -hex 32\`), or set ${ALLOW_INSECURE_ENV}=1 to start with it anyway.`,
    );
  }
  if (devMail) {
    throw new Error(
      `RATIFY_DEV_MAIL=1 shows every email, sign-in codes included, to anyone at GET /api/dev/mail: it is for the demo (RATIFY_DEMO=1). ` +
        `Unset it (mail then goes to SMTP_URL), or set ${ALLOW_INSECURE_ENV}=1 to start with it anyway.`,
    );
  }
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
  const secretKeyText = env['RATIFY_SECRET_KEY'];
  let secretKey: Uint8Array | null = null;
  if (secretKeyText !== undefined && secretKeyText !== '') {
    const parsed = parseSecretKey(secretKeyText);
    if (!parsed.ok) throw new Error('RATIFY_SECRET_KEY must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)');
    secretKey = parsed.value;
  }
  const trustProxy = parseProxyTrust(env['RATIFY_TRUST_PROXY']);
  if (!trustProxy.ok) throw new Error(trustProxy.message);
  const demo = env['RATIFY_DEMO'] === '1';
  const allowInsecure = env[ALLOW_INSECURE_ENV] === '1';
  const token = adminToken === undefined || adminToken === '' ? null : adminToken;
  const devMail = env['RATIFY_DEV_MAIL'] === '1';
  refuseInsecure(token, devMail, demo, allowInsecure);
  return {
    ...appConfig({
      pepper,
      secretKey,
      adminToken: token,
      devMail,
      cookieSecure: cookieSecurity(env['RATIFY_COOKIE_SECURE']),
      trustProxy: trustProxy.value,
      publicUrl: (env['RATIFY_PUBLIC_URL'] || `http://${env['HOST'] ?? '127.0.0.1'}:${port}`).replace(/\/+$/, ''),
    }),
    port,
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] ?? 'sqlite:./data/ratify.db',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    pepperGenerated: pepperText === undefined || pepperText === '',
    pagesDir: env['RATIFY_PAGES_DIR'] === undefined || env['RATIFY_PAGES_DIR'] === '' ? undefined : env['RATIFY_PAGES_DIR'],
    schedulerIntervalMs: schedulerInterval(env['RATIFY_SCHEDULER_SECONDS']),
    castGroupMax: castGroupMax(env['RATIFY_CAST_GROUP_MAX']),
    smtpUrl: env['SMTP_URL'] === undefined || env['SMTP_URL'] === '' ? undefined : env['SMTP_URL'],
    mailFrom: env['RATIFY_MAIL_FROM'] || 'Ratify <no-reply@localhost>',
    mailPerMinute: mailRate(env['RATIFY_MAIL_PER_MINUTE']),
    demo,
    allowInsecure,
  };
}
