// Fixed-window rate limits kept in the database (so every server instance shares them): one hit per
// key per attempt; over the limit in the current window → `rate_limited` with the seconds left.
// Keys are hashed under the pepper before storage (they contain IP addresses).
import type { Store } from '@ratify/storage';
import { hashRateKey } from '../auth/secrets.ts';

export type RateCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };
export type RateLimiter = (limits: readonly (readonly [key: string, limit: number])[]) => Promise<RateCheck>;

export function createRateLimiter(store: Store, clock: () => Date, pepper: Uint8Array, windowMs: number): RateLimiter {
  let lastPrune = 0;
  return async (limits) => {
    const now = clock().getTime();
    const start = now - (now % windowMs);
    const windowStart = new Date(start).toISOString();
    if (now - lastPrune > windowMs) {
      lastPrune = now;
      await store.signIn.pruneSignIn(new Date(now).toISOString(), new Date(start - windowMs).toISOString());
    }
    let over = false;
    // Every key is counted even when an earlier one is over, so one limit cannot mask another.
    for (const [key, limit] of limits) {
      if ((await store.signIn.hitRateLimit(hashRateKey(pepper, key), windowStart)) > limit) over = true;
    }
    return over ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) } : { ok: true };
  };
}
