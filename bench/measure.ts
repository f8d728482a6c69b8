// Timing helpers for bench/run.ts: run a function for a time budget and report µs per call. Rows
// of two backends are measured in interleaved slices (A, B, A, B, …) so both see the same machine
// noise; the ratio of the two is what the bench is about, absolute figures vary ±20–30 % here.
import { availableParallelism, loadavg } from 'node:os';

export type Timing = { readonly usPerOp: number; readonly ops: number };

/** Calls fn for about `ms` milliseconds (at least once); returns the total time and call count. */
function run(fn: () => unknown, ms: number): { elapsed: number; ops: number } {
  let ops = 0;
  let sink: unknown;
  const start = performance.now();
  let now = start;
  let batch = 1;
  do {
    for (let i = 0; i < batch; i++) sink = fn();
    ops += batch;
    const before = now;
    now = performance.now();
    // Grow the batch while calls are fast, so clock reads stay out of sub-microsecond rows.
    if (now - before < 1 && batch < 1024) batch *= 2;
  } while (now - start < ms);
  if (sink === Symbol.for('never')) process.stdout.write('');
  return { elapsed: now - start, ops };
}

/**
 * Measures several functions in `rounds` interleaved slices of `budgetMs / rounds` each, after a
 * short warm-up of each. Returns one Timing per function, in order.
 */
export function interleaved(
  fns: readonly (() => unknown)[],
  budgetMs: number,
  rounds: number,
  warmupMs: number,
): Timing[] {
  for (const fn of fns) run(fn, warmupMs);
  const totals = fns.map(() => ({ elapsed: 0, ops: 0 }));
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t = run(fn, budgetMs / rounds);
      totals[i]!.elapsed += t.elapsed;
      totals[i]!.ops += t.ops;
    });
  }
  return totals.map((t) => ({ usPerOp: (t.elapsed * 1000) / t.ops, ops: t.ops }));
}

/** "load 1.23 0.98 0.75 on 2 CPUs" (1, 5, 15-minute load averages). */
export function machineLoad(): string {
  return `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} CPUs`;
}
