// Worker-thread entry: receives chunks of ballots and answers with their verification results
// (ballot-chunk.ts). Loaded through tsx by the bootstrap in worker-pool.ts.
// Must not hold state beyond the cached ballot parameters, nor do I/O other than its message port.
import { parentPort } from 'node:worker_threads';
import { referenceRistretto255, ristretto255 } from '@ratify/crypto';
import { type BallotChunkResult, type BallotJobContext, type BallotJobItem, verifyBallotChunk } from './ballot-chunk.ts';

export type WorkerRequest = {
  readonly id: number;
  readonly context: BallotJobContext;
  readonly items: readonly BallotJobItem[];
  /** `reference`: check with the pure-TypeScript backend (`--cross-check`); else the process default. */
  readonly backend?: 'reference';
};
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: BallotChunkResult }
  | { readonly id: number; readonly ok: false; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('ballot-worker.ts must run in a worker thread');
port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: verifyBallotChunk(request.context, request.items, request.backend === 'reference' ? referenceRistretto255 : ristretto255) };
  } catch (e) {
    response = { id: request.id, ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(response);
});
