// Public API of @ratify/server (server side). Browsers import ./client.ts and ./api/ only.
export { buildApp, REDACT_PATHS } from './app.ts';
export type { AppDeps, LoggerOptions } from './deps.ts';
export { appConfig, readConfig, DEFAULT_RATE_LIMITS } from './config.ts';
export type { AppConfig, RateLimits, ServerConfig } from './config.ts';
export { DevMailLog } from './mail/mailer.ts';
export type { Mailer, MailMessage, SentMail } from './mail/mailer.ts';
export * from './api/index.ts';
export { PAGE_CSP } from './http/pages.ts';
