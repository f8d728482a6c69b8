// `--cross-check N` (decision 0014): re-verifies N ballots drawn at random with the pure-TypeScript
// reference backend and compares every verdict with the one the fast backend gave in the main run —
// recomputed tracking code, first failed check (reason code), whether the ballot adds to the tally —
// and the encrypted sum of the sample computed by both backends. Any difference is a finding
// `backend_disagreement` under `ballots` (the record cannot be trusted as verified until the two
// backends agree), located at the ballot. Must not judge the ballots itself (ballot-chunk.ts does).
import { type Group, referenceRistretto255 } from '@ratify/crypto';
import type { BallotChunkResult, BallotItemResult, BallotJobContext, BallotJobItem } from './ballot-chunk.ts';
import { verifyBallotChunk } from './ballot-chunk.ts';
import type { FindingCollector } from './collector.ts';
import type { CrossCheckSummary } from './types.ts';

/** Runs a sample of ballots on a backend: in this thread, or through the worker pool. */
export type SampleRunner = (group: 'primary' | 'reference', items: readonly BallotJobItem[]) => Promise<BallotChunkResult>;

/** `count` distinct indexes below `total`, uniformly at random (partial Fisher–Yates), ascending. */
export function sampleIndexes(total: number, count: number, random: (bound: number) => number = randomBelow): number[] {
  const n = Math.min(Math.max(0, Math.floor(count)), total);
  if (n === total) return Array.from({ length: total }, (_, i) => i);
  const picked = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = i + random(total - i);
    out.push(picked.get(j) ?? j);
    picked.set(j, picked.get(i) ?? i);
  }
  return out.sort((a, b) => a - b);
}

/** A uniform integer in [0, bound) from the platform's CSPRNG (rejection sampling, no modulo bias). */
function randomBelow(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const word = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % bound;
  }
}

const verdict = (r: BallotItemResult | undefined): string =>
  r === undefined ? 'no result' : `${r.error === undefined ? 'valid' : `rejected (${r.error.code})`}, tracking code ${r.trackingCode ?? 'none'}, ${r.usable ? 'usable' : 'unusable'} for the tally`;

export async function crossCheckBallots(
  count: number,
  primaryName: string,
  items: readonly BallotJobItem[],
  primary: ReadonlyMap<number, BallotItemResult>,
  lineOf: (seq: number) => number,
  run: SampleRunner,
  findings: FindingCollector,
): Promise<CrossCheckSummary> {
  const sample = sampleIndexes(items.length, count).map((i) => ({ ...items[i]!, counted: true }));
  const summary = { backend: 'reference' as const, primaryBackend: primaryName, requested: count, seqs: sample.map((s) => s.seq) };
  if (sample.length === 0) return { ...summary, disagreements: 0 };
  const [reference, primarySum] = await Promise.all([run('reference', sample), run('primary', sample)]);
  let disagreements = 0;
  for (const r of reference.results) {
    const p = primary.get(r.seq);
    const same = p !== undefined && p.trackingCode === r.trackingCode && p.error?.code === r.error?.code && p.usable === r.usable;
    if (same) continue;
    disagreements++;
    findings.add(
      'ballots',
      'backend_disagreement',
      { file: 'board.jsonl', line: lineOf(r.seq), seq: r.seq },
      `seq ${r.seq}: the ${primaryName} backend found it ${verdict(p)}; the reference backend found it ${verdict(r)}`,
    );
  }
  if (reference.tally !== primarySum.tally) {
    disagreements++;
    findings.add(
      'ballots',
      'backend_disagreement',
      { file: 'board.jsonl' },
      `the encrypted sum of the ${sample.length} sampled ballots differs between the ${primaryName} and the reference backend`,
    );
  }
  return { ...summary, disagreements };
}

/** The in-thread runner: the primary group given, the reference from @ratify/crypto. */
export function inThreadRunner(context: BallotJobContext, primaryGroup: Group): SampleRunner {
  return (which, items) => Promise.resolve(verifyBallotChunk(context, items, which === 'reference' ? referenceRistretto255 : primaryGroup));
}
