// Fixed-window rate limits kept in the database (so every server instance shares them): one hit per
// key per attempt; over the limit in the current window → `rate_limited` with the seconds left.
// A limit may name its own window (the day-long count of short sign-in codes); windows are kept
// until the longest one has passed. Keys are hashed under the pepper before storage (they contain
// IP addresses and member numbers).
import type { Store } from '@ratify/storage';
import { hashRateKey } from '../auth/secrets.ts';

export type RateCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };
/** A key, its limit per window, and the window (the limiter's own when absent). */
export type RateLimit = readonly [key: string, limit: number, windowMs?: number];
export type RateLimiter = (limits: readonly RateLimit[]) => Promise<RateCheck>;

/** The longest window any limit uses; windows are pruned only after it. */
export const LONGEST_WINDOW_MS = 24 * 60 * 60_000;

export function createRateLimiter(store: Store, clock: () => Date, pepper: Uint8Array, windowMs: number): RateLimiter {
  let lastPrune = 0;
  return async (limits) => {
    const now = clock().getTime();
    if (now - lastPrune > windowMs) {
      lastPrune = now;
      const keep = Math.max(windowMs, LONGEST_WINDOW_MS);
      await store.signIn.pruneSignIn(new Date(now).toISOString(), new Date(now - now % keep - keep).toISOString());
    }
    let retryAt = 0;
    // Every key is counted even when an earlier one is over, so one limit cannot mask another.
    for (const [key, limit, window = windowMs] of limits) {
      const start = now - (now % window);
      if ((await store.signIn.hitRateLimit(hashRateKey(pepper, `${key}@${window}`), new Date(start).toISOString())) > limit) {
        retryAt = Math.max(retryAt, start + window);
      }
    }
    return retryAt === 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) };
  };
}
