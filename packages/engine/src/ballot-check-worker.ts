// Worker-thread entry of the ballot-check pool: runs checkBallotText (ballot-check.ts). The vote context (manifest → parameters, election key
// precomputed) is built once per manifest and kept. Must not touch storage.
import { parentPort } from 'node:worker_threads';
import { ristretto255 as group } from '@ratify/crypto';
import { checkBallotText } from './ballot-check.ts';
import { type VoteContext, parseVoteContext } from './vote-context.ts';

export type CheckRequest = { readonly id: number; readonly manifest: string; readonly ballot: string };
export type CheckResponse =
  | { readonly id: number; readonly ok: true; readonly trackingCode: string; readonly credential: string }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly detail?: string };

const contexts = new Map<string, VoteContext>();

export function checkOne(request: CheckRequest): CheckResponse {
  let ctx = contexts.get(request.manifest);
  if (!ctx) {
    const parsed = parseVoteContext(group, request.manifest);
    if (!parsed.ok) return { id: request.id, ok: false, error: 'manifest_unreadable', detail: parsed.error };
    ctx = parsed.value;
    if (contexts.size > 16) contexts.clear();
    contexts.set(request.manifest, ctx);
  }
  const r = checkBallotText(group, ctx, request.ballot);
  if (!r.ok) return { id: request.id, ok: false, error: r.error, ...(r.detail ? { detail: r.detail } : {}) };
  return { id: request.id, ok: true, ...r.value };
}

parentPort?.on('message', (request: CheckRequest) => parentPort!.postMessage(checkOne(request)));
