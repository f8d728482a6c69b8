// The mail delivery pipeline over real SMTP (an in-process sink on 127.0.0.1): throttled batches,
// retries with backoff on 4xx, no retry on 5xx, bounces on a refused recipient, the delivery log,
// bodies blanked once final, restarts, and the error classification.
import { randomBytes } from 'node:crypto';
import { type SqlStore, openSqliteStore } from '@ratify/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyMailError, createMailDelivery, throttleFromRate } from '../src/mail/delivery.ts';
import { mailKey, openBody, sealBody } from '../src/mail/sealed-body.ts';
import { bestEffortMailer, createSmtpMailer } from '../src/mail/smtp-mailer.ts';
import { type Clock, fakeClock } from './fixtures.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const SECRET = randomBytes(32);
const KEY = mailKey(SECRET);

let sink: SmtpSink;
let store: SqlStore;
let clock: Clock;
const closers: (() => void)[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
  clock = fakeClock();
  store = await openSqliteStore(':memory:', { now: clock.now });
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await store.close();
  await sink.close();
});

function delivery(batchSize: number, options: { maxAttempts?: number; url?: string; key?: Uint8Array } = {}) {
  const mailer = createSmtpMailer(options.url ?? sink.url, 'Ratify <ratify@example.org>');
  closers.push(() => mailer.close());
  return createMailDelivery({
    store,
    mailer,
    key: options.key ?? KEY,
    clock: clock.now,
    batchSize,
    backoffMs: (attempts) => attempts * 60_000,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  });
}

async function queue(count: number, kind = 'notice'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `m${i + 1}`);
  await store.mail.enqueueMail(
    ids.map((id, i) => ({
      id,
      kind,
      voteId: null,
      memberNumber: `M${i + 1}`,
      recipient: `member${i + 1}@example.org`,
      subject: `Notice ${i + 1}`,
      sealedBody: sealBody(KEY, id, `Body of message ${i + 1}`),
      notBefore: clock.now().toISOString(),
    })),
  );
  return ids;
}

describe('mail delivery over SMTP', () => {
  it('sends in throttled batches: at most batchSize per drain, oldest first', async () => {
    await queue(5);
    const job = delivery(2);
    expect(await job.drainOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(sink.received.map((m) => m.to)).toEqual(['member1@example.org', 'member2@example.org']);
    expect((await job.drainOnce()).sent).toBe(2);
    expect((await job.drainOnce()).sent).toBe(1);
    expect(await job.drainOnce()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0, bounced: 0 });
    expect(sink.received).toHaveLength(5);
    expect(sink.received[0]).toMatchObject({ subject: 'Notice 1', text: 'Body of message 1', from: '"Ratify" <ratify@example.org>' });
    const stored = await store.mail.listMail({});
    expect(stored.every((m) => m.status === 'sent' && m.sealedBody === null && m.attempts === 1)).toBe(true);
    expect((await store.mail.listMailEvents('m1')).map((e) => e.kind)).toEqual(['queued', 'sent']);
  });

  it('sends in-request mail best effort: an SMTP refusal is logged without the body, not thrown', async () => {
    sink.onRecipient = () => 550;
    const smtp = createSmtpMailer(sink.url, 'ratify@example.org');
    closers.push(() => smtp.close());
    const warnings: object[] = [];
    await bestEffortMailer(smtp, { warn: (obj) => void warnings.push(obj) }).send({ to: 'x@example.org', subject: 's', text: 'code 123456' });
    expect(warnings).toEqual([{ responseCode: 550, code: 'EENVELOPE' }]);
    expect(JSON.stringify(warnings)).not.toContain('123456');
  });

  it('derives the throttle from a per-minute rate', () => {
    expect(throttleFromRate(60)).toEqual({ batchSize: 10, intervalMs: 10_000 });
    expect(throttleFromRate(1)).toEqual({ batchSize: 1, intervalMs: 10_000 });
  });

  it('retries a 4xx with backoff, then succeeds', async () => {
    await queue(1);
    let refusals = 1;
    sink.onRecipient = () => (refusals-- > 0 ? 451 : undefined);
    const job = delivery(10);
    expect(await job.drainOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await store.mail.getMailMessage('m1');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 60_000).toISOString() });
    expect(waiting?.sealedBody).not.toBeNull();
    expect(waiting?.lastError).toMatch(/^451/);
    expect((await job.drainOnce()).claimed).toBe(0);
    clock.advance(60_000);
    expect(await job.drainOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.received.map((m) => m.to)).toEqual(['member1@example.org']);
    expect((await store.mail.listMailEvents('m1')).map((e) => e.kind)).toEqual(['queued', 'retry', 'sent']);
    expect(await store.mail.getMailMessage('m1')).toMatchObject({ status: 'sent', attempts: 2, sealedBody: null });
  });

  it('gives up on a transient failure after maxAttempts', async () => {
    await queue(1);
    sink.onRecipient = () => 421;
    const job = delivery(10, { maxAttempts: 2 });
    expect((await job.drainOnce()).retried).toBe(1);
    clock.advance(60_000);
    expect((await job.drainOnce()).failed).toBe(1);
    expect(await store.mail.getMailMessage('m1')).toMatchObject({ status: 'failed', attempts: 2, sealedBody: null });
    expect((await store.mail.listMailEvents('m1')).map((e) => e.kind)).toEqual(['queued', 'retry', 'failed']);
  });

  it('records a 5xx after DATA as a permanent failure, never retried', async () => {
    await queue(1);
    sink.onMessage = () => 554;
    const job = delivery(10);
    expect(await job.drainOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await store.mail.getMailMessage('m1');
    expect(failed).toMatchObject({ status: 'failed', sealedBody: null, attempts: 1 });
    expect(failed?.lastError).toMatch(/^554/);
    clock.advance(24 * 60 * 60_000);
    expect((await job.drainOnce()).claimed).toBe(0);
    expect((await store.mail.listMailEvents('m1')).map((e) => [e.kind, e.detail?.slice(0, 3)])).toEqual([
      ['queued', undefined],
      ['failed', '554'],
    ]);
  });

  it('records a refused recipient (5xx at RCPT TO) as a bounce and delivers the rest', async () => {
    await queue(3);
    sink.onRecipient = (to) => (to === 'member2@example.org' ? 550 : undefined);
    expect(await delivery(10).drainOnce()).toMatchObject({ claimed: 3, sent: 2, bounced: 1 });
    expect(await store.mail.getMailMessage('m2')).toMatchObject({ status: 'bounced', sealedBody: null });
    expect((await store.mail.getMailMessage('m2'))?.lastError).toMatch(/^550/);
    expect(sink.received.map((m) => m.to)).toEqual(['member1@example.org', 'member3@example.org']);
  });

  it('retries when the SMTP server cannot be reached', async () => {
    await queue(1);
    const url = sink.url;
    await sink.close();
    sink = await startSmtpSink();
    expect((await delivery(10, { url }).drainOnce()).retried).toBe(1);
    expect((await store.mail.getMailMessage('m1'))?.status).toBe('queued');
  });

  it('fails a body sealed under another key without sending it', async () => {
    await queue(1);
    expect((await delivery(10, { key: mailKey(randomBytes(32)) }).drainOnce()).failed).toBe(1);
    expect(await store.mail.getMailMessage('m1')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^body_unreadable/) });
    expect(sink.received).toEqual([]);
  });

  it('survives a restart: a message left mid-attempt is requeued by the next job and sent', async () => {
    await queue(1);
    await store.mail.claimDueMail(clock.now().toISOString(), 1); // the previous process died here
    clock.advance(11 * 60_000);
    const job = delivery(10);
    await job.start();
    await job.stop();
    expect(sink.received.map((m) => m.to)).toEqual(['member1@example.org']);
    expect((await store.mail.listMailEvents('m1')).map((e) => e.kind)).toEqual(['queued', 'requeued', 'sent']);
  });
});

describe('mail bodies at rest and error classes', () => {
  it('seals bodies under a derived key, bound to the message id', () => {
    const sealed = sealBody(KEY, 'a', 'secret text');
    expect(sealed).not.toContain('secret');
    expect(openBody(KEY, 'a', sealed)).toBe('secret text');
    expect(openBody(KEY, 'b', sealed)).toBeNull();
    expect(openBody(SECRET, 'a', sealed)).toBeNull();
    expect(openBody(KEY, 'a', sealed.slice(0, -2))).toBeNull();
    expect(openBody(KEY, 'a', 'junk')).toBeNull();
  });

  it('classifies 4xx and network errors as transient, 5xx as permanent, a refused recipient as a bounce', () => {
    expect(classifyMailError({ responseCode: 451, response: '451 later' }).kind).toBe('transient');
    expect(classifyMailError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).kind).toBe('transient');
    expect(classifyMailError({ responseCode: 554, command: 'DATA', response: '554 no' }).kind).toBe('permanent');
    expect(classifyMailError({ responseCode: 550, command: 'RCPT TO', response: '550 no such user' })).toEqual({ kind: 'bounced', reason: '550 no such user' });
    expect(classifyMailError({ responseCode: 550, code: 'EENVELOPE', response: '550 x' }).kind).toBe('bounced');
  });
});
