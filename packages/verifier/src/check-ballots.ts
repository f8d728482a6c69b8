// Check `ballots` (§5.8, protocol §8.3): every `ballot_accepted` ballot parses strictly, its
// tracking code is recomputed and equal, its credential is on the list, and every proof and the
// signature verify — findings located by board seq, question and option. The work is spread over a
// worker pool (in-thread for small records); the counted ballots' ciphertexts are summed on the way
// into the recomputed encrypted tally. Must not apply the revote policy (its caller passes the
// counted seqs) nor compare tallies (check-tally.ts).
import { addCiphertexts, type Ciphertext, type Group, toHex } from '@ratify/crypto';
import { ballotQuestionSpecs, type EncryptedTally, emptyTally, parseWireEncryptedTally, toCanonical } from '@ratify/protocol';
import type { BallotChunkResult, BallotJobContext, BallotJobItem } from './ballot-chunk.ts';
import { verifyBallotChunk } from './ballot-chunk.ts';
import type { ManifestContext } from './check-manifest.ts';
import { credentialOf } from './check-revote.ts';
import { type FindingCollector, locationFromDetail } from './collector.ts';
import type { BoardModel } from './model.ts';
import type { VerifyOptions } from './types.ts';

export type BallotsSummary = {
  readonly checked: number;
  readonly valid: number;
  /** Σ of the counted ballots, or undefined if a counted ballot is unusable (does not parse or has the wrong shape). */
  readonly tally?: EncryptedTally;
  /** Seqs of counted ballots that could not be added to the tally. */
  readonly unusableCounted: readonly number[];
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
  const chunks = await runChunks(context, items, options);

  const entries = new Map(model.ballots.map((b) => [b.seq, b]));
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
  };
}

function addInto(group: Group, into: Ciphertext[][], add: EncryptedTally): void {
  into.forEach((row, q) => row.forEach((c, i) => (row[i] = addCiphertexts(group, c, add[q]![i]!))));
}

function chunkSizeFor(total: number, workers: number): number {
  return Math.max(8, Math.min(256, Math.ceil(total / Math.max(1, workers * 8))));
}

async function runChunks(context: BallotJobContext, items: readonly BallotJobItem[], options: VerifyOptions): Promise<BallotChunkResult[]> {
  const progress = (done: number) => options.onProgress?.({ check: 'ballots', done, total: items.length });
  const split = (workers: number) => {
    const size = chunkSizeFor(items.length, workers);
    const chunks: BallotJobItem[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  };
  progress(0);
  if (options.workers === 0 || items.length < (options.inThreadBelow ?? DEFAULT_IN_THREAD_BELOW)) {
    const out: BallotChunkResult[] = [];
    let done = 0;
    for (const chunk of split(1)) {
      out.push(verifyBallotChunk(context, chunk));
      progress((done += chunk.length));
    }
    return out;
  }
  // Loaded lazily: the in-thread path (and a browser build) never touches node:worker_threads.
  const { createBallotPool, defaultPoolSize } = await import('./worker-pool.ts');
  const workers = options.workers ?? defaultPoolSize();
  const chunks = split(workers);
  const pool = createBallotPool(Math.min(workers, chunks.length));
  try {
    let done = 0;
    return await Promise.all(
      chunks.map(async (chunk) => {
        const result = await pool.run(context, chunk);
        progress((done += chunk.length));
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
}
