// Port: member sign-in: one-time codes (stored as keyed hashes), member sessions (token hashes),
// fixed-window rate limits, and their pruning. Times are ISO 8601 text from the caller's clock.

/** Who a one-time code or a session belongs to: one member of one union. */
export interface SignInSubject {
  readonly unionId: string;
  readonly memberNumber: string;
}

export interface NewLoginCode extends SignInSubject {
  readonly id: string;
  /** A keyed hash of the code (the server's pepper); never the code. */
  readonly codeHash: string;
  readonly expiresAt: string;
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
}

export interface SignInStore {
  /** Stores a code and discards the member's earlier unused codes (only the latest one works). */
  createLoginCode(code: NewLoginCode): Promise<void>;
  /** Marks an unused, unexpired code with this hash as used and returns whose it was; once only. */
  consumeLoginCode(memberNumber: string, codeHash: string, now: string): Promise<SignInSubject | null>;
  createSession(session: NewSession): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<Session | null>;
  /** true if a session was deleted. */
  deleteSession(tokenHash: string): Promise<boolean>;
  /** Counts one hit in the fixed window `windowStart` of `key` and returns the hits so far. */
  hitRateLimit(key: string, windowStart: string): Promise<number>;
  /** Deletes expired codes and sessions, and rate-limit windows that started before `windowsBefore`. */
  pruneSignIn(now: string, windowsBefore: string): Promise<PruneSummary>;
}
