// Check `ballots` (§5.8, protocol §8.3): every `ballot_accepted` ballot parses strictly, its
// tracking code is recomputed and equal, its credential is on the list, and every proof and the
// signature verify — findings located by board seq, question and option. The work is spread over a
// worker pool (in-thread for small records); the counted ballots' ciphertexts are summed on the way
// into the recomputed encrypted tally. Must not apply the revote policy (its caller passes the
// counted seqs) nor compare tallies (check-tally.ts).
import { addCiphertexts, type Ciphertext, cryptoBackend, type Group, referenceRistretto255, ristretto255, toHex } from '@ratify/crypto';
import { ballotQuestionSpecs, type EncryptedTally, emptyTally, encodeEncryptedTally, parseWireEncryptedTally, toCanonical } from '@ratify/protocol';
import type { BallotChunkResult, BallotItemResult, BallotJobContext, BallotJobItem } from './ballot-chunk.ts';
import { verifyBallotChunk } from './ballot-chunk.ts';
import type { ManifestContext } from './check-manifest.ts';
import { credentialOf } from './check-revote.ts';
import { crossCheckBallots, inThreadRunner, type SampleRunner } from './cross-check.ts';
import { type FindingCollector, locationFromDetail } from './collector.ts';
import type { BoardModel } from './model.ts';
import type { CrossCheckSummary, VerifyOptions } from './types.ts';

export type BallotsSummary = {
  readonly checked: number;
  readonly valid: number;
  /** Σ of the counted ballots, or undefined if a counted ballot is unusable (does not parse or has the wrong shape). */
  readonly tally?: EncryptedTally;
  /** Seqs of counted ballots that could not be added to the tally. */
  readonly unusableCounted: readonly number[];
  /** What `crossCheck` re-verified with the reference backend, when asked. */
  readonly crossCheck?: CrossCheckSummary;
};

const DEFAULT_IN_THREAD_BELOW = 64;

export async function checkBallotEvents(
  group: Group,
  model: BoardModel,
  ctx: ManifestContext,
  credentials: ReadonlySet<string> | undefined,
  countedSeqs: ReadonlySet<number>,
  options: VerifyOptions,
  findings: FindingCollector,
): Promise<BallotsSummary | undefined> {
  if (ctx.electionKey === undefined) {
    findings.skip('ballots', "the manifest's joint public key is not a valid group element");
    return undefined;
  }
  const context: BallotJobContext = {
    voteId: ctx.manifest.voteId,
    fingerprintHex: ctx.fingerprintHex,
    electionKeyHex: toHex(group.encodeElement(ctx.electionKey)),
    questions: ballotQuestionSpecs(ctx.manifest),
  };
  const items: BallotJobItem[] = model.ballots.map((b) => ({ seq: b.seq, text: toCanonical(b.ballot), counted: countedSeqs.has(b.seq) }));
  const entries = new Map(model.ballots.map((b) => [b.seq, b]));
  let crossCheck: CrossCheckSummary | undefined;
  const chunks = await runChunks(group, context, items, options, async (chunks, run) => {
    if (options.crossCheck === undefined) return;
    const primary = new Map<number, BallotItemResult>(chunks.flatMap((c) => c.results.map((r) => [r.seq, r] as const)));
    const name = group === ristretto255 ? cryptoBackend.name : `${group.name} (given)`;
    crossCheck = await crossCheckBallots(options.crossCheck, name, items, primary, (seq) => entries.get(seq)!.line, run, findings);
  });

  // A replaced credential is valid until its revocation; its replacement from its addition on.
  const revokedAt = new Map(model.replacements.map((r) => [r.revoked, r.seq]));
  const addedAt = new Map(model.replacements.map((r) => [r.added, r.seq]));
  const tally = emptyTally(group, context.questions);
  const unusableCounted: number[] = [];
  let valid = 0;
  for (const chunk of chunks) {
    const partial = parseWireEncryptedTally(group, chunk.tally);
    if (!partial.ok) throw new Error(`a ballot worker returned an unreadable tally: ${partial.error}`);
    addInto(group, tally, partial.value);
    for (const r of chunk.results) {
      const entry = entries.get(r.seq)!;
      const at = { file: 'board.jsonl', line: entry.line, seq: entry.seq };
      let ok = true;
      if (r.error !== undefined) {
        const path = /^(\$\S*):/.exec(r.error.detail)?.[1];
        findings.add('ballots', r.error.code, { ...at, ...locationFromDetail(r.error.detail), ...(path !== undefined && { path }) }, `seq ${entry.seq}: ${r.error.detail}`);
        ok = false;
      }
      if (r.trackingCode !== undefined && r.trackingCode !== entry.trackingCode) {
        findings.add('ballots', 'tracking_code_mismatch', at, `seq ${entry.seq}: the ballot's tracking code is ${r.trackingCode}`);
        ok = false;
      }
      if (credentials !== undefined && !credentials.has(credentialOf(entry))) {
        findings.add('ballots', 'unknown_credential', at, `seq ${entry.seq}: the credential is not on the published list`);
        ok = false;
      } else if ((revokedAt.get(credentialOf(entry)) ?? Infinity) < entry.seq) {
        findings.add('ballots', 'revoked_credential', at, `seq ${entry.seq}: cast after its credential was revoked`);
        ok = false;
      } else if ((addedAt.get(credentialOf(entry)) ?? -1) > entry.seq) {
        findings.add('ballots', 'unknown_credential', at, `seq ${entry.seq}: cast before its credential was added`);
        ok = false;
      }
      if (!r.usable && countedSeqs.has(r.seq)) unusableCounted.push(r.seq);
      if (ok) valid++;
    }
  }
  return {
    checked: items.length,
    valid,
    ...(unusableCounted.length === 0 && { tally }),
    unusableCounted,
    ...(crossCheck !== undefined && { crossCheck }),
  };
}

function addInto(group: Group, into: Ciphertext[][], add: EncryptedTally): void {
  into.forEach((row, q) => row.forEach((c, i) => (row[i] = addCiphertexts(group, c, add[q]![i]!))));
}

/** One chunk result from several: results in order, the tallies summed (re-encoded canonically). */
function mergeChunks(group: Group, context: BallotJobContext, parts: readonly BallotChunkResult[]): BallotChunkResult {
  const tally = emptyTally(group, context.questions);
  for (const part of parts) {
    const partial = parseWireEncryptedTally(group, part.tally);
    if (!partial.ok) throw new Error(`a ballot worker returned an unreadable tally: ${partial.error}`);
    addInto(group, tally, partial.value);
  }
  return { results: parts.flatMap((p) => p.results), tally: encodeEncryptedTally(group, tally) };
}

function chunkSizeFor(total: number, workers: number): number {
  return Math.max(8, Math.min(256, Math.ceil(total / Math.max(1, workers * 8))));
}

/**
 * Verifies every item in chunks, in this thread or on the worker pool, then hands the results and a
 * runner for extra samples (on the same pool, before it closes) to `after` (the cross-check).
 */
async function runChunks(
  group: Group,
  context: BallotJobContext,
  items: readonly BallotJobItem[],
  options: VerifyOptions,
  after: (chunks: readonly BallotChunkResult[], run: SampleRunner) => Promise<void>,
): Promise<BallotChunkResult[]> {
  const progress = (done: number) => options.onProgress?.({ check: 'ballots', done, total: items.length });
  const split = (workers: number) => {
    const size = chunkSizeFor(items.length, workers);
    const chunks: BallotJobItem[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  };
  progress(0);
  // A group other than the process default (a test's) cannot travel to a worker: check in-thread.
  if (options.workers === 0 || group !== ristretto255 || items.length < (options.inThreadBelow ?? DEFAULT_IN_THREAD_BELOW)) {
    const out: BallotChunkResult[] = [];
    let done = 0;
    for (const chunk of split(1)) {
      out.push(verifyBallotChunk(context, chunk, group));
      progress((done += chunk.length));
    }
    await after(out, inThreadRunner(context, group));
    return out;
  }
  // Loaded lazily: the in-thread path (and a browser build) never touches node:worker_threads.
  const { createBallotPool, defaultPoolSize } = await import('./worker-pool.ts');
  const workers = options.workers ?? defaultPoolSize();
  const chunks = split(workers);
  const pool = createBallotPool(Math.min(workers, chunks.length));
  try {
    let done = 0;
    const out = await Promise.all(
      chunks.map(async (chunk) => {
        const result = await pool.run(context, chunk);
        progress((done += chunk.length));
        return result;
      }),
    );
    // The sample is split over the pool so every core re-verifies with the (slow) reference.
    await after(out, async (which, sample) => {
      if (which === 'primary') return pool.run(context, sample);
      const size = Math.ceil(sample.length / workers);
      const parts: BallotJobItem[][] = [];
      for (let i = 0; i < sample.length; i += size) parts.push(sample.slice(i, i + size));
      return mergeChunks(referenceRistretto255, context, await Promise.all(parts.map((part) => pool.run(context, part, 'reference'))));
    });
    return out;
  } finally {
    await pool.close();
  }
}
