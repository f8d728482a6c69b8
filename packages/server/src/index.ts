// Public API of @ratify/server (server side). Browsers import ./client.ts and ./api/ only.
export { buildApp, REDACT_PATHS } from './app.ts';
export type { AppDeps, LoggerOptions } from './deps.ts';
export { appConfig, readConfig, DEFAULT_RATE_LIMITS, DEMO_ADMIN_TOKEN, ALLOW_INSECURE_ENV } from './config.ts';
export { parseProxyTrust, describeProxyTrust, NO_PROXY } from './http/proxy-trust.ts';
export type { ProxyTrust } from './http/proxy-trust.ts';
export type { AppConfig, RateLimits, ServerConfig } from './config.ts';
export { DevMailLog } from './mail/mailer.ts';
export type { Mailer, MailMessage, SentMail } from './mail/mailer.ts';
export * from './api/index.ts';
export { PAGE_CSP } from './http/pages.ts';
// The background jobs as main.ts wires them (embedders and the browser e2e tests run them too).
export { createScheduler } from './services/scheduler.ts';
export type { JobOutcome, Scheduler } from './services/scheduler.ts';
export { createMailDelivery, throttleFromRate } from './mail/delivery.ts';
export { mailKey } from './mail/sealed-body.ts';
export { bestEffortMailer, createSmtpMailer } from './mail/smtp-mailer.ts';
