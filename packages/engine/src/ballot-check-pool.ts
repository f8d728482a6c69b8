// Ballot verification on all cores (design §5): the server's hot path is the proofs and signature
// of each ballot, so they run in a pool of worker threads while the main thread only does the short
// database transaction. Workers are TypeScript: a tiny CommonJS bootstrap registers tsx's loader
// inside each worker (on Node 20 `execArgv: ['--import', 'tsx']` is not applied to workers).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckRequest, CheckResponse } from './ballot-check-worker.ts';

export type BallotChecker = {
  check(manifest: string, ballot: string): Promise<CheckResponse>;
  close(): Promise<void>;
};

export function createBallotCheckPool(size: number = availableParallelism()): BallotChecker {
  // tsx's ESM API file (its exports["./esm/api"].import), by absolute URL: an eval worker resolves
  // nothing relative to this package. (Its CommonJS twin cannot register hooks from an eval worker.)
  const tsxRoot = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = new URL('./dist/esm/api/index.mjs', tsxRoot).href;
  const entry = new URL('./ballot-check-worker.ts', import.meta.url).href;
  const source = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); }).catch((e) => process.nextTick(() => { throw e; }));`;
  const pending = new Map<number, (r: CheckResponse) => void>();
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const w = new Worker(source, { eval: true });
    w.on('message', (r: CheckResponse) => {
      const resolve = pending.get(r.id);
      pending.delete(r.id);
      const left = (load.get(w) ?? 1) - 1;
      load.set(w, left);
      // An idle worker must not keep the process alive; a busy one must (its answer is awaited).
      if (left === 0) w.unref();
      resolve?.(r);
    });
    w.on('error', (e) => {
      // A crashed worker is a bug: fail what it held rather than hang.
      for (const [id, resolve] of pending) resolve({ id, ok: false, error: 'checker_failed', detail: String(e) });
      pending.clear();
    });
    w.unref();
    return w;
  });
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 0;
  return {
    check(manifest, ballot) {
      const id = nextId++;
      const worker = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      worker.ref();
      return new Promise<CheckResponse>((resolve) => {
        pending.set(id, resolve);
        const request: CheckRequest = { id, manifest, ballot };
        worker.postMessage(request);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
