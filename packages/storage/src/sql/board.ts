// The board: an append-only, hash-chained list of events per vote. Appends take the vote's board
// counter first (a row lock in PostgreSQL, the write lock in SQLite), so seq is contiguous and the
// chain's order is the database's order. Hashing is the caller's pure function: no crypto here.
import { err, ok } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type { AppendError, BoardEvent, BoardEventInput, BoardHead, ComputeHash } from '../port.ts';
import type { SqlContext } from './context.ts';
import { toBoardEvent } from './rows.ts';
import type { PortSql } from './runner.ts';
import type { BoardStore } from '../port.ts';

const HASH_HEX = /^(?:[0-9a-f]{2}){1,128}$/;

/** Must run inside a transaction. */
export async function appendEvent(
  ctx: SqlContext,
  voteId: string,
  event: BoardEventInput,
  computeHash: ComputeHash,
): Promise<Result<BoardEvent, AppendError>> {
  const counter = await ctx.db
    .updateTable('votes')
    .set((eb) => ({ board_length: eb('board_length', '+', 1) }))
    .where('id', '=', voteId)
    .returning('board_length')
    .executeTakeFirst();
  if (counter === undefined) return err('vote_not_found', voteId);
  const seq = Number(counter.board_length) - 1;

  let prevHash: string | null = null;
  if (seq > 0) {
    const previous = await ctx.db
      .selectFrom('board_events')
      .select('hash')
      .where('vote_id', '=', voteId)
      .where('seq', '=', seq - 1)
      .executeTakeFirst();
    if (previous === undefined) throw new Error(`board of ${voteId} has no event ${seq - 1}`);
    prevHash = previous.hash;
  }
  const hash = computeHash({ prevHash, seq, kind: event.kind, payload: event.payload });
  if (!HASH_HEX.test(hash)) throw new Error('computeHash must return lower-case hex');

  const row = {
    vote_id: voteId,
    seq,
    kind: event.kind,
    payload: event.payload,
    prev_hash: prevHash,
    hash,
    created_at: ctx.now(),
  };
  await ctx.db.insertInto('board_events').values(row).execute();
  return ok(toBoardEvent(row));
}

export async function listEvents(
  ctx: SqlContext,
  voteId: string,
  options: { readonly fromSeq?: number; readonly limit?: number } = {},
): Promise<readonly BoardEvent[]> {
  let query = ctx.db
    .selectFrom('board_events')
    .selectAll()
    .where('vote_id', '=', voteId)
    .where('seq', '>=', options.fromSeq ?? 0)
    .orderBy('seq');
  if (options.limit !== undefined) query = query.limit(options.limit);
  return (await query.execute()).map(toBoardEvent);
}

export async function head(ctx: SqlContext, voteId: string): Promise<BoardHead | null> {
  const row = await ctx.db
    .selectFrom('board_events')
    .select(['seq', 'hash'])
    .where('vote_id', '=', voteId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : { seq: Number(row.seq), hash: row.hash };
}

export const boardSql: PortSql<BoardStore> = {
  ops: { appendEvent, listEvents, head },
  atomic: ['appendEvent'],
};
