// The production Mailer: SMTP through nodemailer, configured by SMTP_URL (smtp://host:port,
// smtps://user:pass@host). One pooled transport per process, made by main.ts. Failures are thrown
// as nodemailer reports them (responseCode, command); delivery.ts classifies them. Must not log
// message bodies.
import nodemailer from 'nodemailer';
import type { MailMessage, Mailer } from './mailer.ts';

export type SmtpMailer = Mailer & { close(): void };

export function createSmtpMailer(smtpUrl: string, from: string): SmtpMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message: MailMessage): Promise<void> {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/**
 * For mail sent inside a request (sign-in codes): a failed send is logged (never the body) and
 * swallowed, so the answer stays the same whether or not the member exists and mail works — a 500
 * only for real members would reveal who is on the roll.
 */
export function bestEffortMailer(mailer: Mailer, log: { warn(obj: object, msg: string): void }): Mailer {
  return {
    async send(message: MailMessage): Promise<void> {
      try {
        await mailer.send(message);
      } catch (error) {
        const e = (typeof error === 'object' && error !== null ? error : {}) as { responseCode?: unknown; code?: unknown };
        log.warn({ responseCode: e.responseCode, code: e.code }, 'could not send a message in a request');
      }
    },
  };
}
