// Port: member sign-in: one-time codes (stored as keyed hashes, each bound to the browser that asked
// for it and counting its own wrong guesses: decision 0019), the queue of code requests the sign-in
// outbox works through, member sessions (token hashes), fixed-window rate limits, and their pruning.
// Times are ISO 8601 text from the caller's clock.
import type { UnionId } from '@ratify/protocol';

/** Who a one-time code or a session belongs to: one member of one union. */
export interface SignInSubject {
  readonly unionId: UnionId;
  readonly memberNumber: string;
}

export interface NewLoginCode extends SignInSubject {
  readonly id: string;
  /** A keyed hash of the code (the server's pepper); never the code. */
  readonly codeHash: string;
  /** SHA-256 of the binding token in the asking browser's cookie: only that browser can use the code. */
  readonly bindingHash: string;
  readonly expiresAt: string;
}

/** One guess at a code, from one browser. */
export interface CodeAttempt {
  readonly memberNumber: string;
  readonly bindingHash: string;
  readonly codeHash: string;
  readonly now: string;
  /** A code that has taken this many wrong guesses is dead. */
  readonly maxWrongGuesses: number;
}

/**
 * `signed_in`: the code was live and is now used. `wrong`: this browser holds live codes for the
 * member, none matched, and each took one more wrong guess. `no_code`: this browser holds no live
 * code for the member (never asked, used, expired, or dead after too many wrong guesses).
 */
export type CodeCheck =
  | { readonly kind: 'signed_in'; readonly subject: SignInSubject }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'no_code' };

/** A request for a code, as queued: the member number as typed (known or not) and the asking browser. */
export interface SignInRequest {
  readonly id: string;
  readonly memberNumber: string;
  readonly bindingHash: string;
  readonly createdAt: string;
}

export interface NewSession extends SignInSubject {
  /** SHA-256 of the session token; never the token. */
  readonly tokenHash: string;
  readonly expiresAt: string;
}

export interface Session extends SignInSubject {
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface PruneSummary {
  readonly codes: number;
  readonly sessions: number;
  readonly rateLimits: number;
  readonly requests: number;
}

export interface SignInStore {
  /**
   * Stores a code and discards the unused codes the same browser holds for the same member (the
   * latest one from a browser works); codes held by other browsers are never touched.
   */
  createLoginCode(code: NewLoginCode): Promise<void>;
  /**
   * Checks a guess against the live codes this browser holds for the member: a match is marked used
   * (once only, even under races); otherwise each of those codes counts one more wrong guess.
   */
  consumeLoginCode(attempt: CodeAttempt): Promise<CodeCheck>;
  /** Queues a code request (one insert, whatever the member number). */
  queueSignInRequest(request: SignInRequest): Promise<void>;
  /** Takes up to `limit` queued requests, oldest first; each is removed, so only one taker gets it. */
  takeSignInRequests(limit: number): Promise<readonly SignInRequest[]>;
  createSession(session: NewSession): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<Session | null>;
  /** true if a session was deleted. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** Counts one hit in the fixed window `windowStart` of `key` and returns the hits so far. */
  hitRateLimit(key: string, windowStart: string): Promise<number>;
  /**
   * Deletes expired codes and sessions, rate-limit windows that started before `windowsBefore`, and
   * queued requests made before `windowsBefore` (nobody took them in time).
   */
  pruneSignIn(now: string, windowsBefore: string): Promise<PruneSummary>;
}
