// Member sign-in: a one-time code by email (random, 10 minutes, single use, stored as a keyed hash),
// then a session (random token in an HttpOnly cookie, stored as a hash). Answers the same whether or
// not a member number exists. Rate limited per member number and per IP. Must never log a code or
// a token, and never learns the voting credential (a separate secret the server never sees).
import { type Result, err, ok } from '@ratify/crypto';
import type { Member, Store } from '@ratify/storage';
import { generateCode, generateSessionToken, hashCode, hashSessionToken, newId } from '../auth/secrets.ts';
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
};

export type Limited = { readonly retryAfterSeconds: number };
export type SignedIn = { readonly token: string; readonly member: Member; readonly expiresAt: string };

function codeMail(member: Member, code: string, minutes: number) {
  return {
    to: member.email,
    subject: 'Your Ratify sign-in code',
    text:
      `Hello ${member.name},\n\nYour sign-in code is ${code}. It works once and expires in ${minutes} minutes.\n` +
      `If you did not ask for it, ignore this message.\n\nThis code only signs you in: your voting credential is separate.\n`,
  };
}

export function createSignInService(deps: SignInDeps) {
  const { store, mailer, clock, config, limiter } = deps;
  const limits = config.rateLimits;
  const iso = (ms: number) => new Date(ms).toISOString();

  async function requestCode(memberNumber: string, ip: string): Promise<Result<true, 'rate_limited'> & Partial<Limited>> {
    const check = await limiter([
      [`request-code:member:${memberNumber}`, limits.requestCodePerMember],
      [`request-code:ip:${ip}`, limits.requestCodePerIp],
    ]);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    const now = clock().getTime();
    // A member number may exist in several unions (different people): each gets its own code.
    for (const member of await store.members.findMembersByNumber(memberNumber)) {
      const code = generateCode();
      await store.signIn.createLoginCode({
        id: newId(),
        unionId: member.unionId,
        memberNumber,
        codeHash: hashCode(config.pepper, memberNumber, code),
        expiresAt: iso(now + config.codeTtlMs),
      });
      await mailer.send(codeMail(member, code, Math.round(config.codeTtlMs / 60_000)));
    }
    return ok(true);
  }

  async function verifyCode(
    memberNumber: string,
    code: string,
    ip: string,
  ): Promise<Result<SignedIn, 'rate_limited' | 'invalid_code'> & Partial<Limited>> {
    const check = await limiter([
      [`verify-code:member:${memberNumber}`, limits.verifyCodePerMember],
      [`verify-code:ip:${ip}`, limits.verifyCodePerIp],
    ]);
    if (!check.ok) return { ...err('rate_limited'), retryAfterSeconds: check.retryAfterSeconds };
    const now = clock().getTime();
    const subject = await store.signIn.consumeLoginCode(memberNumber, hashCode(config.pepper, memberNumber, code), iso(now));
    if (subject === null) return err('invalid_code');
    const member = (await store.members.findMembersByNumber(memberNumber)).find((m) => m.unionId === subject.unionId);
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
