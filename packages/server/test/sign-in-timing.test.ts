// Issue 13: member numbers could be enumerated by timing POST /api/auth/request-code (the code was
// mailed inside the request: 15.9 ms for a member, 6.5 ms for an unknown number). Now a request does
// the same work either way (two rate-limit counts and one queued request) and the sign-in outbox
// mails off the request path. This test talks real SMTP (smtp-server on 127.0.0.1, answering DATA
// after 60 ms, like a slow provider) through the server's own mailer, over real HTTP, and compares
// medians of many interleaved samples, never absolute times:
// - samples alternate member / unknown in ABBA order, so drift and load on a shared machine and the
//   outbox's work after a member's request fall on both kinds alike;
// - the medians must agree within a factor 1.8 (generous: the sink runs in this process, so the
//   outbox's SMTP conversations after a member's request share the event loop with the next
//   samples). Had the mail been sent inside the request, a member's median would be at least the
//   unknown median plus one SMTP send; the control below shows one send takes longer than the
//   unknown median here, so the ratio would be above 2 and the check would fail.
import { openSqliteStore } from '@ratify/storage';
import { createEngine } from '@ratify/engine';
import { asUnionId } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, appConfig, bestEffortMailer, buildApp, createSmtpMailer } from '../src/index.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const PAIRS = 100;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

let sink: SmtpSink;
let close: () => Promise<void>;
let baseUrl: string;
let app: ReturnType<typeof buildApp>;
let smtp: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  sink = await startSmtpSink();
  sink.delayMs = 60;
  const store = await openSqliteStore(':memory:');
  const engine = createEngine({ store });
  expect((await store.members.createUnion({ id: asUnionId('u'), name: 'Union' })).ok).toBe(true);
  const rows = Array.from({ length: PAIRS }, (_, i) => ({ memberNumber: `M${i}`, name: `Member ${i}`, email: `m${i}@example.org`, goodStanding: true, unit: null }));
  expect((await store.members.importRoll(asUnionId('u'), rows)).ok).toBe(true);
  smtp = createSmtpMailer(sink.url, 'Ratify <no-reply@example.org>');
  const config = appConfig({ rateLimits: { ...DEFAULT_RATE_LIMITS, requestCodePerIp: 100_000 } });
  app = buildApp({ engine, mailer: bestEffortMailer(smtp, { warn: () => undefined }), clock: () => new Date(), config, logger: false });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  close = async () => {
    await app.close();
    smtp.close();
    await store.close();
    await sink.close();
  };
});
afterAll(() => close());

async function timeRequest(memberNumber: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/auth/request-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberNumber }) });
  await res.arrayBuffer();
  const took = performance.now() - started;
  expect(res.status).toBe(202);
  return took;
}

describe('POST /api/auth/request-code timing', () => {
  it('answers a member and an unknown number in the same time (medians of interleaved samples)', async () => {
    // Warm up both paths (JIT, prepared statements, the SMTP connection).
    for (let i = 0; i < 10; i++) {
      await timeRequest(`W${i}`);
      await timeRequest(`M${i}`);
    }
    const member: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const memberFirst = i % 4 === 0 || i % 4 === 3;
      if (memberFirst) member.push(await timeRequest(`M${i}`));
      unknown.push(await timeRequest(`NOBODY-${i}`));
      if (!memberFirst) member.push(await timeRequest(`M${i}`));
    }
    // Control: what one SMTP send costs here, measured the same way.
    const sends: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      await smtp.send({ to: 'control@example.org', subject: 'control', text: 'control' });
      sends.push(performance.now() - started);
    }
    const ratio = median(member) / median(unknown);
    const summary = `member ${median(member).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms, ratio ${ratio.toFixed(2)}, one SMTP send ${median(sends).toFixed(2)} ms`;
    console.info(`request-code medians over ${PAIRS} pairs: ${summary}`);
    expect(median(sends), summary).toBeGreaterThan(median(unknown));
    expect(ratio, summary).toBeGreaterThan(1 / 1.8);
    expect(ratio, summary).toBeLessThan(1.8);
    // The codes were made and mailed all the same (off the request path).
    await app.signInOutbox.idle();
    expect(new Set(sink.received.filter((m) => /^m\d+@/.test(m.to)).map((m) => m.to)).size).toBe(PAIRS);
  });
});
