// A small pool of worker threads that verify ballot chunks in parallel (design §5: the verifier
// runs on all cores). Workers are TypeScript run through tsx, resolved from this file, so the pool
// works under vitest, under `node --import tsx` and from any working directory.
// Must not decide what is checked (ballot-chunk.ts) nor keep workers alive after `close`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BallotChunkResult, BallotJobContext, BallotJobItem } from './ballot-chunk.ts';
import type { WorkerRequest, WorkerResponse } from './ballot-worker.ts';

/**
 * The worker's bootstrap. `execArgv: ['--import', 'tsx']` does not work on Node 20 (loader hooks
 * passed that way are not applied to the worker's entry: ERR_UNKNOWN_FILE_EXTENSION), so a tiny
 * CommonJS bootstrap registers tsx's ESM hooks inside the worker, then imports the TypeScript entry.
 */
function bootstrapSource(entry: URL): string {
  return [
    `import(${JSON.stringify(tsxApiUrl())})`,
    `  .then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`,
    '  .catch((e) => { process.nextTick(() => { throw e; }); });',
  ].join('\n');
}

/** tsx's ESM API (its `exports["./esm/api"].import`), resolved from this file; else the bare name. */
function tsxApiUrl(): string {
  try {
    const require = createRequire(import.meta.url);
    const manifestPath = require.resolve('tsx/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
    const target = manifest.exports?.['./esm/api']?.import?.default;
    if (target !== undefined) return new URL(target, pathToFileURL(manifestPath)).href;
  } catch {
    // fall through
  }
  return 'tsx/esm/api';
}

/** One worker per core. */
export const defaultPoolSize = (): number => availableParallelism();

type Pending = { resolve: (r: BallotChunkResult) => void; reject: (e: Error) => void };

export type BallotPool = {
  run(context: BallotJobContext, items: readonly BallotJobItem[], backend?: 'reference'): Promise<BallotChunkResult>;
  close(): Promise<void>;
};

export function createBallotPool(size: number): BallotPool {
  const bootstrap = bootstrapSource(new URL('./ballot-worker.ts', import.meta.url));
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let failure: Error | undefined;

  for (let i = 0; i < size; i++) {
    const worker = new Worker(bootstrap, { eval: true });
    worker.on('message', (response: WorkerResponse) => {
      const p = pending.get(response.id);
      pending.delete(response.id);
      if (response.ok) p?.resolve(response.result);
      else p?.reject(new Error(`ballot worker failed: ${response.message}`));
      release(worker);
    });
    worker.on('error', (e) => {
      failure = e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      for (const wake of waiting.splice(0)) wake(worker);
    });
    all.push(worker);
    idle.push(worker);
  }

  function release(worker: Worker): void {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  }

  const acquire = (): Promise<Worker> => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async run(context, items, backend) {
      if (failure) throw failure;
      const worker = await acquire();
      if (failure) throw failure;
      const id = nextId++;
      return new Promise<BallotChunkResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: WorkerRequest = { id, context, items, ...(backend !== undefined && { backend }) };
        worker.postMessage(request);
      });
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
