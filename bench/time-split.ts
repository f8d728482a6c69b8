// Where does a ballot verification spend its time? Wraps a Group so every call of a group operation
// and of scalar arithmetic is timed; the remainder is hashing (SHA-512 transcripts and the ballot
// hash), codecs and JavaScript glue. The wrapper's own clock reads are a small overhead (< 1 %).
import type { Group, GroupElement, ScalarField } from '../packages/crypto/src/index.ts';
import { checkBallot, type WireBallot } from './ballot-v1.ts';

type Clock = { spent: number };

function timedMethods<T extends object>(target: T, clock: Clock): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    out[key] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            const t = performance.now();
            try {
              return (value as (...a: unknown[]) => unknown)(...args);
            } finally {
              clock.spent += performance.now() - t;
            }
          }
        : value;
  }
  return out as T;
}

export function breakdown(
  g: Group,
  electionKey: GroupElement,
  ctx: Uint8Array,
  ballot: WireBallot,
  runs: number,
): string {
  const groupClock = { spent: 0 };
  const scalarClock = { spent: 0 };
  const timed: Group = {
    ...timedMethods(g, groupClock),
    scalars: timedMethods<ScalarField>(g.scalars, scalarClock),
  };
  for (let i = 0; i < Math.min(20, runs); i++) checkBallot(timed, electionKey, ctx, ballot); // warm-up
  groupClock.spent = scalarClock.spent = 0;
  const start = performance.now();
  for (let i = 0; i < runs; i++) checkBallot(timed, electionKey, ctx, ballot);
  const total = (performance.now() - start) / runs;
  const groupUs = (groupClock.spent / runs) * 1000;
  const scalarUs = (scalarClock.spent / runs) * 1000;
  const restUs = total * 1000 - groupUs - scalarUs;
  const pct = (x: number) => `${((100 * x) / (total * 1000)).toFixed(0)} %`;
  return (
    `${(total * 1000).toFixed(0)} µs = group operations ${groupUs.toFixed(0)} µs (${pct(groupUs)}), ` +
    `scalar arithmetic ${scalarUs.toFixed(0)} µs (${pct(scalarUs)}), SHA-512 transcripts + codecs + glue ${restUs.toFixed(0)} µs (${pct(restUs)})`
  );
}
