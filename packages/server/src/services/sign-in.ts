// Member sign-in (decision 0019): a one-time code by email, then a session (random token in an
// HttpOnly cookie, stored as a hash). A code is bound to the browser that asked for it (a random
// binding token in its own HttpOnly cookie, stored hashed with the code): only that browser can use
// or guess at it, a code dies after a few wrong guesses, and asking again from one browser replaces
// only that browser's code. So an attacker with any number of addresses can neither lock a member
// out nor spend the member's own code. The day's first few codes per member have 6 digits, later
// ones 12, which bounds guessing however many codes are asked for.
//
// A request does the same work whether or not the member number exists: two rate-limit counts and
// one queued request. The sign-in outbox, off the request path, looks the member up, makes the code
// and hands the message to the mailer; so no answer waits for SMTP or says who is on a roll. Must
// never log a code or a token, and never learns the voting credential (a separate secret).
import { type Result, err, ok } from '@ratify/crypto';
import type { Member, SignInRequest, Store } from '@ratify/storage';
import {
  CODE_DIGITS,
  LONG_CODE_DIGITS,
  displayCode,
  generateBindingToken,
  generateCode,
  generateSessionToken,
  hashBindingToken,
  hashCode,
  hashSessionToken,
  newId,
} from '../auth/secrets.ts';
import type { AppConfig } from '../config.ts';
import type { MemberSession } from '../http/route-kit.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { RateLimiter } from './rate-limit.ts';

export type SignInDeps = {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly clock: () => Date;
  readonly config: AppConfig;
  readonly limiter: RateLimiter;
  /** Where the outbox reports a failure it could not hand on (never a code). */
  readonly warn?: (obj: object, msg: string) => void;
};

export type Limited = { readonly retryAfterSeconds: number };
export type SignedIn = { readonly token: string; readonly member: Member; readonly expiresAt: string };
/** The browser's binding token: the one it sent, or a new one the route must set in a cookie. */
export type Binding = { readonly token: string; readonly fresh: boolean };

const DAY_MS = 24 * 60 * 60_000;
/** Code messages in flight at once. */
const MAIL_CONCURRENCY = 16;

function codeMail(member: Member, code: string, minutes: number) {
  return {
    to: member.email,
    subject: 'Your Ratify sign-in code',
    text:
      `Hello ${member.name},\n\nYour sign-in code is ${displayCode(code)}. It works once, only in the browser where you asked for it, ` +
      `and expires in ${minutes} minutes.\n` +
      `If you did not ask for it, ignore this message: nobody can use it without your browser.\n\n` +
      `This code only signs you in: your voting credential is separate.\n`,
  };
}

export function bindingOf(cookieValue: string | undefined): Binding {
  return cookieValue === undefined ? { token: generateBindingToken(), fresh: true } : { token: cookieValue, fresh: false };
}

/**
 * The outbox: takes queued requests and, for each member number on a roll, makes a code bound to the
 * asking browser and mails it (up to 16 messages in flight). `kick()` starts a run soon (never inside
 * the request that queued); `idle()` resolves when no run is going and every message is handed on
 * (tests and shutdown wait on it).
 */
export function createSignInOutbox(deps: SignInDeps) {
  const { store, mailer, clock, config, limiter } = deps;
  let running: Promise<void> | null = null;
  let again = false;
  // Messages go out side by side (a slow mail server must not make one member wait for a queue of others).
  const sending = new Set<Promise<void>>();

  async function send(member: Member, code: string): Promise<void> {
    while (sending.size >= MAIL_CONCURRENCY) await Promise.race(sending);
    const sent: Promise<void> = mailer
      .send(codeMail(member, code, Math.round(config.codeTtlMs / 60_000)))
      .catch((error: unknown) => deps.warn?.({ err: error instanceof Error ? error.message : String(error) }, 'sign-in code not mailed'))
      .finally(() => sending.delete(sent));
    sending.add(sent);
  }

  async function handle(request: SignInRequest): Promise<void> {
    const now = clock().getTime();
    // A request nobody took in time would make a code the member no longer waits for.
    if (Date.parse(request.createdAt) + config.codeTtlMs <= now) return;
    for (const member of await store.members.findMembersByNumber(request.memberNumber)) {
      const short = await limiter([[`codes-issued:member:${member.unionId}:${request.memberNumber}`, config.rateLimits.shortCodesPerMemberPerDay, DAY_MS]]);
      const code = generateCode(short.ok ? CODE_DIGITS : LONG_CODE_DIGITS);
      await store.signIn.createLoginCode({
        id: newId(),
        unionId: member.unionId,
        memberNumber: request.memberNumber,
        codeHash: hashCode(config.pepper, request.memberNumber, code),
        bindingHash: request.bindingHash,
        expiresAt: new Date(now + config.codeTtlMs).toISOString(),
      });
      await send(member, code);
    }
  }

  async function run(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const batch = await store.signIn.takeSignInRequests(20);
        if (batch.length === 0) break;
        for (const request of batch) await handle(request);
      }
    } while (again);
  }

  function kick(): void {
    if (running !== null) {
      again = true;
      return;
    }
    // Two turns of the event loop: the answer, and any I/O already waiting, go out before this work.
    running = new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)))
      .then(run)
      .catch((error: unknown) => deps.warn?.({ err: error instanceof Error ? error.message : String(error) }, 'sign-in outbox failed'))
      .finally(() => {
        running = null;
      });
  }

  async function idle(): Promise<void> {
    while (running !== null || sending.size > 0) {
      if (running !== null) await running;
      await Promise.all(sending);
    }
  }

  return { kick, idle };
}

export type SignInOutbox = ReturnType<typeof createSignInOutbox>;

export function createSignInService(deps: SignInDeps, outbox: SignInOutbox) {
  const { store, clock, config, limiter } = deps;
  const limits = config.rateLimits;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** The same work for every member number: two counts, one queued request. */
  async function requestCode(memberNumber: string, ip: string, binding: Binding): Promise<Result<true, 'rate_limited'> & Partial<Limited>> {
    const bindingHash = hashBindingToken(binding.token);
    const check = await limiter([
      [`request-code:browser:${memberNumber}:${bindingHash}`, limits.requestCodePerBrowser],
      [`request-code:ip:${ip}`, limits.requestCodePerIp],
    ]);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    await store.signIn.queueSignInRequest({ id: newId(), memberNumber, bindingHash, createdAt: clock().toISOString() });
    outbox.kick();
    return ok(true);
  }

  async function verifyCode(
    memberNumber: string,
    code: string,
    ip: string,
    binding: Binding,
  ): Promise<Result<SignedIn, 'rate_limited' | 'invalid_code'> & Partial<Limited>> {
    const bindingHash = hashBindingToken(binding.token);
    const check = await limiter([
      [`verify-code:browser:${memberNumber}:${bindingHash}`, limits.verifyCodePerBrowser],
      [`verify-code:ip:${ip}`, limits.verifyCodePerIp],
    ]);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    const now = clock().getTime();
    const checked = await store.signIn.consumeLoginCode({
      memberNumber,
      bindingHash,
      codeHash: hashCode(config.pepper, memberNumber, code),
      now: iso(now),
      maxWrongGuesses: limits.codeWrongGuesses,
    });
    if (checked.kind !== 'signed_in') return err('invalid_code');
    const member = (await store.members.findMembersByNumber(memberNumber)).find((m) => m.unionId === checked.subject.unionId);
    if (member === undefined) return err('invalid_code');
    const token = generateSessionToken();
    const expiresAt = iso(now + config.sessionTtlMs);
    await store.signIn.createSession({ tokenHash: hashSessionToken(token), unionId: member.unionId, memberNumber, expiresAt });
    return ok({ token, member, expiresAt });
  }

  async function session(token: string | undefined): Promise<MemberSession | null> {
    if (token === undefined) return null;
    const tokenHash = hashSessionToken(token);
    const found = await store.signIn.getSession(tokenHash, clock().toISOString());
    return found === null ? null : { unionId: found.unionId, memberNumber: found.memberNumber, tokenHash };
  }

  async function logout(token: string | undefined): Promise<void> {
    if (token !== undefined) await store.signIn.deleteSession(hashSessionToken(token));
  }

  return { requestCode, verifyCode, session, logout };
}

export type SignInService = ReturnType<typeof createSignInService>;
