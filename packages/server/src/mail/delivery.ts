// The mail delivery job: drains the database queue in throttled batches through the Mailer, with a
// delivery log per message. Transient failures (SMTP 4xx, connection errors) are retried with
// exponential backoff up to a limit; permanent ones (5xx) are not; a rejected recipient is a
// bounce. The queue is the state, so the job survives restarts (messages caught mid-attempt are
// requeued: delivery is at least once). One job per process, made by main.ts; tests call
// drainOnce() directly. Must never log a body or a recipient's credential.
import type { MailMessageRecord, MailOutcome, Store } from '@ratify/storage';
import type { Mailer } from './mailer.ts';
import { openBody } from './sealed-body.ts';

export type MailFailure = { readonly kind: 'transient' | 'permanent' | 'bounced'; readonly reason: string };

/** Reads what nodemailer (or any SMTP client) reports: `responseCode`, `command`, `response`. */
export function classifyMailError(error: unknown): MailFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    responseCode?: unknown;
    command?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const text = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  const reason = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (status === undefined) return { kind: 'transient', reason: `${typeof e.code === 'string' ? e.code : 'error'}: ${reason}` };
  if (status >= 400 && status < 500) return { kind: 'transient', reason };
  const atRecipient = (typeof e.command === 'string' && /^RCPT/i.test(e.command)) || e.code === 'EENVELOPE';
  if (status >= 500 && atRecipient) return { kind: 'bounced', reason };
  return { kind: 'permanent', reason };
}

export type DeliveryLog = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export type MailDeliveryOptions = {
  readonly store: Store;
  readonly mailer: Mailer;
  /** The key the bodies were sealed with (config.secretKey). */
  readonly key: Uint8Array;
  readonly clock: () => Date;
  /** Messages per drain (the throttle: batchSize per intervalMs). */
  readonly batchSize: number;
  /** Between drains once started. */
  readonly intervalMs?: number;
  /** Attempts before a transient failure becomes final. */
  readonly maxAttempts?: number;
  /** Delay before attempt n + 1 after n failed attempts. */
  readonly backoffMs?: (attempts: number) => number;
  /** A `sending` message older than this after a restart is requeued. */
  readonly staleAfterMs?: number;
  readonly log?: DeliveryLog;
};

export type DrainSummary = { readonly claimed: number; readonly sent: number; readonly retried: number; readonly failed: number; readonly bounced: number };

/** Throttle from a per-minute rate: drains every 10 s, each taking a sixth of the minute's budget. */
export function throttleFromRate(perMinute: number): { readonly batchSize: number; readonly intervalMs: number } {
  return { batchSize: Math.max(1, Math.ceil(perMinute / 6)), intervalMs: 10_000 };
}

export const defaultBackoffMs = (attempts: number): number => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));

export function createMailDelivery(options: MailDeliveryOptions) {
  const { store, mailer, key, clock, batchSize } = options;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const iso = (ms: number) => new Date(ms).toISOString();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  /**
   * A reminder is sent only while its vote is open and its member has not voted (issue 16): one
   * queued before the member voted, or before the vote closed, is cancelled here, at the last
   * moment, never sent. Recorded as `failed` with the reason, so the queue's progress counts it.
   */
  async function staleReminder(message: MailMessageRecord): Promise<string | undefined> {
    if (message.kind !== 'reminder' || message.voteId === null) return undefined;
    const vote = await store.votes.getVote(message.voteId);
    if (vote === null || vote.status !== 'open') return 'cancelled: the vote is no longer open';
    if (message.memberNumber !== null && (await store.rolls.hasParticipated(message.voteId, message.memberNumber))) return 'cancelled: the member has voted';
    return undefined;
  }

  async function attempt(message: MailMessageRecord): Promise<MailOutcome> {
    const stale = await staleReminder(message);
    if (stale !== undefined) return { kind: 'failed', reason: stale };
    const text = message.sealedBody === null ? null : openBody(key, message.id, message.sealedBody);
    if (text === null) return { kind: 'failed', reason: 'body_unreadable: sealed under another key or damaged' };
    try {
      await mailer.send({ to: message.recipient, subject: message.subject, text });
      return { kind: 'sent' };
    } catch (error) {
      const failure = classifyMailError(error);
      if (failure.kind === 'bounced') return { kind: 'bounced', reason: failure.reason };
      if (failure.kind === 'permanent' || message.attempts >= maxAttempts) return { kind: 'failed', reason: failure.reason };
      return { kind: 'retry', reason: failure.reason, nextAttemptAt: iso(clock().getTime() + backoffMs(message.attempts)) };
    }
  }

  /** Sends at most one batch of due messages, one at a time, and records each outcome. */
  async function drainOnce(): Promise<DrainSummary> {
    const claimed = await store.mail.claimDueMail(clock().toISOString(), batchSize);
    const counts = { sent: 0, retry: 0, failed: 0, bounced: 0 };
    for (const message of claimed) {
      const outcome = await attempt(message);
      await store.mail.recordMailOutcome(message.id, outcome, clock().toISOString());
      counts[outcome.kind] += 1;
      if (outcome.kind !== 'sent') options.log?.warn({ mailId: message.id, kind: message.kind, outcome: outcome.kind, reason: outcome.reason }, 'mail not delivered');
    }
    return { claimed: claimed.length, sent: counts.sent, retried: counts.retry, failed: counts.failed, bounced: counts.bounced };
  }

  /** Requeues messages a previous process left mid-attempt, then drains every intervalMs. */
  async function start(): Promise<void> {
    if (!stopped) return;
    stopped = false;
    const now = clock().getTime();
    const requeued = await store.mail.requeueStaleMail(iso(now - (options.staleAfterMs ?? 10 * 60_000)), iso(now));
    if (requeued > 0) options.log?.warn({ requeued }, 'requeued mail left mid-attempt by a previous run');
    const tick = () => {
      if (stopped) return;
      running = drainOnce()
        .catch((error: unknown) => options.log?.warn({ err: error instanceof Error ? error.message : String(error) }, 'mail drain failed'))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 10_000);
        });
    };
    tick();
  }

  async function stop(): Promise<void> {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await running;
  }

  return { drainOnce, start, stop };
}

export type MailDelivery = ReturnType<typeof createMailDelivery>;
