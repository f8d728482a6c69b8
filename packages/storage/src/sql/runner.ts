// Transaction plumbing shared by every SQL adapter, and the one generic binding that turns a feature
// module's operations `(ctx, ...args)` into a port's methods `(...args)`: no per-method delegators.
// An operation listed as atomic runs in a transaction (root) or a savepoint (inside transaction(fn)),
// committed unless it returns an error Result or throws. Must not hold SQL of its own.
import { sql } from 'kysely';
import type { SqlContext } from './context.ts';

/** A port's operations as a feature module writes them: each takes the context first. */
export type SqlOps<Port> = {
  readonly [K in keyof Port]: Port[K] extends (...args: infer A) => infer R ? (ctx: SqlContext, ...args: A) => R : never;
};

/** How one port is built from its modules: the operations, and which of them must be atomic. */
export interface PortSql<Port> {
  readonly ops: SqlOps<Port>;
  /** Multi-statement writers. Single statements and reads run as they are. */
  readonly atomic: readonly (keyof Port & string)[];
}

const isErrResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;

export class SqlRunner {
  readonly #ctx: SqlContext;
  readonly depth: number;
  #savepoints = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(ctx: SqlContext, depth: number) {
    this.#ctx = ctx;
    this.depth = depth;
  }

  get context(): SqlContext {
    return this.#ctx;
  }

  /** Runs `fn` on this runner's connection as it is (no transaction of its own). */
  direct<T>(fn: (ctx: SqlContext) => Promise<T>): Promise<T> {
    return fn(this.#ctx);
  }

  /** Runs `fn` atomically: a transaction at the root, a savepoint inside one. */
  async atomic<T>(fn: (ctx: SqlContext) => Promise<T>): Promise<T> {
    if (this.depth === 0) {
      const trx = await this.#ctx.db.startTransaction().execute();
      let result: T;
      try {
        result = await fn({ ...this.#ctx, db: trx });
      } catch (error) {
        await trx.rollback().execute();
        throw error;
      }
      await (isErrResult(result) ? trx.rollback() : trx.commit()).execute();
      return result;
    }
    // Inside a transaction: one connection, so savepoints must not interleave; queue them.
    const run = async (): Promise<T> => {
      const name = sql.raw(`ratify_sp_${this.depth}_${++this.#savepoints}`);
      const db = this.#ctx.db;
      await sql`savepoint ${name}`.execute(db);
      let result: T;
      try {
        result = await fn(this.#ctx);
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(db);
        await sql`release savepoint ${name}`.execute(db);
        throw error;
      }
      if (isErrResult(result)) await sql`rollback to savepoint ${name}`.execute(db);
      await sql`release savepoint ${name}`.execute(db);
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

/** Builds a port from its module's operations, bound to `runner`. */
export function bindPort<Port>(runner: SqlRunner, port: PortSql<Port>): Port {
  const atomic = new Set<string>(port.atomic);
  const bound: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, op] of Object.entries(port.ops) as [string, (ctx: SqlContext, ...args: unknown[]) => Promise<unknown>][]) {
    bound[name] = atomic.has(name)
      ? (...args) => runner.atomic((ctx) => op(ctx, ...args))
      : (...args) => runner.direct((ctx) => op(ctx, ...args));
  }
  return bound as Port;
}
