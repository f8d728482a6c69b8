// The booth's Web Worker entry: wires createWorkerHandler to the worker's message port, so the
// encryption (pure-TS ristretto255) never blocks the page. Bundled by Vite from
// `new Worker(new URL('./crypto-worker.ts', import.meta.url), { type: 'module' })`.
import { ristretto255 } from '@ratify/crypto';
import { createWorkerHandler } from './worker-handler.ts';
import { requestIdOf, type WorkerResponse } from './worker-protocol.ts';

type WorkerScope = {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: WorkerResponse): void;
};

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler(ristretto255);

scope.addEventListener('message', (event) => {
  let response: WorkerResponse;
  try {
    response = handle(event.data);
  } catch (e) {
    response = { kind: 'failed', id: requestIdOf(event.data), error: 'internal_error', detail: e instanceof Error ? e.message : 'unexpected' };
  }
  scope.postMessage(response);
});
