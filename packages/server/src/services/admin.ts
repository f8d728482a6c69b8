// Minimal operational actions for the demo (full admin routes are a later issue): open, close
// (computes the encrypted tally), receive a trustee's partial decryption, publish the result. Thin
// over the engine, which does every check and writes the board.
import { type Result, ok } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';

export function createAdminService(engine: Engine) {
  async function open(voteId: string): Promise<Result<ResponseOf<'adminOpen'>, ApiErrorCode>> {
    if ((await engine.store.votes.getVote(voteId)) === null) return { ok: false, error: 'vote_not_found' };
    const r = await engine.openVote(voteId);
    return r.ok ? ok({ voteId, status: 'open' }) : r;
  }

  async function close(voteId: string): Promise<Result<ResponseOf<'adminClose'>, ApiErrorCode>> {
    const r = await engine.closeVote(voteId);
    if (!r.ok) return r;
    const counts = await engine.store.ballots.countBallots(voteId);
    return ok({ voteId, status: 'closed', ballotsCounted: counts.counted });
  }

  async function partialDecryption(voteId: string, text: string): Promise<Result<ResponseOf<'adminPartialDecryption'>, ApiErrorCode>> {
    const r = await engine.submitPartialDecryption(voteId, text);
    return r.ok ? ok({ voteId, ...r.value }) : r;
  }

  async function publish(voteId: string): Promise<Result<ResponseOf<'adminPublishResult'>, ApiErrorCode>> {
    const r = await engine.publishResult(voteId);
    if (!r.ok) return r;
    const head = await engine.store.board.head(voteId);
    return ok({ voteId, result: JSON.parse(JSON.stringify(r.value)) as ResponseOf<'adminPublishResult'>['result'], boardHead: head?.hash ?? '' });
  }

  return { open, close, partialDecryption, publish };
}
