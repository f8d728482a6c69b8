// After the close, the trustees' step through the server: a trustee reads the encrypted tally (with
// the manifest, so the browser checks what it decrypts) and posts its partial decryption; the
// engine verifies it (a bad proof is refused naming the trustee) and puts it on the board. Once k
// valid shares exist the result is combined and published at once. Only the trustee slot the
// signed-in staff account holds (the vote's draft says which) may post, and only as itself.
import { type Result, err, ok, toHex } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import { encodeEncryptedTally, parseWirePartialDecryption } from '@ratify/protocol';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import type { CeremonyRelay } from './ceremony-relay.ts';
import type { DraftService } from './drafts.ts';

export function createTrusteeTallyService(engine: Engine, drafts: DraftService, relay: CeremonyRelay) {
  const store = engine.store;

  async function slot(voteId: string, username: string): Promise<Result<number, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found', voteId);
    const draft = await drafts.load(voteId);
    if (!draft.ok) return draft.error === 'draft_not_found' ? err('not_a_trustee', `${voteId} was not set up through a draft`) : draft;
    return relay.slotOf(draft.value, username);
  }

  async function received(voteId: string): Promise<number[]> {
    return (await store.board.listEvents(voteId))
      .filter((e) => e.kind === 'partial_decryption')
      .map((e) => (JSON.parse(e.payload) as { partialDecryption: { trustee: number } }).partialDecryption.trustee);
  }

  async function tally(voteId: string, username: string): Promise<Result<ResponseOf<'trusteeTally'>, ApiErrorCode>> {
    const you = await slot(voteId, username);
    if (!you.ok) return you;
    const vote = (await store.votes.getVote(voteId))!;
    if (vote.status === 'draft' || vote.status === 'open') return err('vote_not_closed', vote.status);
    const ctx = await engine.context(voteId);
    if (!ctx.ok) return ctx;
    const t = await engine.readTally(voteId);
    if (!t.ok) return err('tally_not_computed', t.error);
    return ok({
      voteId,
      status: vote.status,
      manifest: ctx.value.manifestText,
      fingerprint: toHex(ctx.value.fingerprint),
      tally: encodeEncryptedTally(engine.group, t.value),
      threshold: ctx.value.manifest.trustees.threshold,
      you: you.value,
      received: await received(voteId),
    });
  }

  async function submit(voteId: string, username: string, text: string): Promise<Result<ResponseOf<'trusteePartialDecryption'>, ApiErrorCode>> {
    const you = await slot(voteId, username);
    if (!you.ok) return you;
    const partial = parseWirePartialDecryption(engine.group, text);
    if (!partial.ok) return partial;
    if (partial.value.trustee !== you.value) return err('wrong_author', `the partial decryption is trustee ${partial.value.trustee}'s; ${username} is trustee ${you.value}`);
    const r = await engine.submitPartialDecryption(voteId, text);
    if (!r.ok) return r;
    let published = false;
    if (r.value.received >= r.value.threshold) {
      const result = await engine.publishResult(voteId);
      // A concurrent submission may have published first; either way the result is out.
      published = result.ok || (await store.votes.getVote(voteId))?.status === 'published';
    }
    return ok({ voteId, ...r.value, published });
  }

  return { tally, submit };
}

export type TrusteeTallyService = ReturnType<typeof createTrusteeTallyService>;
