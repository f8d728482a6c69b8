// The page's side of the crypto worker: one Worker per page, requests matched to responses by id,
// every response parsed before use. The worker is created lazily, so pages that never encrypt never
// load the crypto bundle. Must not hold ballot secrets: the worker keeps them until an audit.
import { parseWorkerResponse, type WorkerError, type WorkerRequest, type WorkerResponse } from './worker-protocol.ts';

type Pending = (response: WorkerResponse) => void;
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;
export type WorkerCall = Distribute<WorkerRequest>;
type Success = Exclude<WorkerResponse, { kind: 'failed' }>;
export type WorkerOutcome<K extends Success['kind']> =
  | { readonly ok: true; readonly value: Extract<Success, { kind: K }> }
  | { readonly ok: false; readonly error: WorkerError; readonly detail?: string };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./crypto-worker.ts', import.meta.url), { type: 'module', name: 'ratify-crypto' });
  w.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = parseWorkerResponse(event.data);
    if (!parsed.ok) return;
    const resolve = pending.get(parsed.value.id);
    pending.delete(parsed.value.id);
    resolve?.(parsed.value);
  });
  w.addEventListener('error', () => {
    for (const [id, resolve] of pending) resolve({ kind: 'failed', id, error: 'internal_error', detail: 'the encryption worker stopped' });
    pending.clear();
    worker = undefined;
  });
  worker = w;
  return w;
}

/** Sends one request and resolves with its response, narrowed to the expected success kind. */
export function callWorker<K extends Success['kind']>(expected: K, call: WorkerCall): Promise<WorkerOutcome<K>> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, (response) => {
      if (response.kind === expected) resolve({ ok: true, value: response as Extract<Success, { kind: K }> });
      else if (response.kind === 'failed') resolve({ ok: false, error: response.error, ...(response.detail === undefined ? {} : { detail: response.detail }) });
      else resolve({ ok: false, error: 'internal_error', detail: `unexpected ${response.kind}` });
    });
    getWorker().postMessage({ ...call, id });
  });
}
