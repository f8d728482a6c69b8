// What the operator is told at start-up about settings that are missing or risky, each message
// saying exactly what is off and what turns it on. Pure (main.ts logs them), so tests read them.
import { ALLOW_INSECURE_ENV, DEMO_ADMIN_TOKEN, type ServerConfig } from './config.ts';

/** What a server without RATIFY_SECRET_KEY cannot do (every use of the key, by what people see). */
export const WITHOUT_SECRET_KEY = [
  'administrators (and any staff account with an authenticator) cannot sign in: their TOTP secrets are sealed with it',
  'credential emails (the server as credential authority), credential replacements, reminders and result announcements are refused with secret_key_missing',
  'campaign appeals cannot be approved (their emails are sealed with it)',
  'queued mail sealed with it (credentials, reminders, results, appeals) is not delivered',
] as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function startupWarnings(config: ServerConfig, smtp: boolean): readonly string[] {
  const warnings: string[] = [];
  if (config.secretKey === null) {
    warnings.push(`RATIFY_SECRET_KEY is not set, so: ${WITHOUT_SECRET_KEY.join('; ')}. Member sign-in still works. Set it (\`openssl rand -hex 32\`) and restart.`);
  }
  if (config.adminToken === null) warnings.push('RATIFY_ADMIN_TOKEN is not set: the operations bearer token is off (staff sign in with their accounts)');
  if (config.pepperGenerated) warnings.push('RATIFY_PEPPER is not set: using a random pepper (sign-in codes and trusted-browser cookies die on restart; set it when running several instances)');
  if (!smtp && !config.devMail) warnings.push('SMTP_URL is not set: mail goes to the development log, which nobody can read without RATIFY_DEV_MAIL=1 (members cannot get sign-in codes)');
  if (!config.demo && config.allowInsecure) {
    if (config.adminToken === DEMO_ADMIN_TOKEN) warnings.push(`the public demo admin token is accepted (${ALLOW_INSECURE_ENV}=1): anyone can use the admin routes`);
    if (config.devMail) warnings.push(`RATIFY_DEV_MAIL=1 outside the demo (${ALLOW_INSECURE_ENV}=1): every sign-in code is readable by anyone at GET /api/dev/mail`);
  }
  if (config.trustProxy.kind === 'hops' && !LOOPBACK.has(config.host)) {
    warnings.push(`RATIFY_TRUST_PROXY is a hop count but HOST is ${config.host}: a client connecting directly can write X-Forwarded-For; list the proxies' addresses instead, or listen on 127.0.0.1`);
  }
  return warnings;
}
