// What every sql/ feature module receives: a Kysely handle (already inside a transaction when the
// operation must be atomic), the dialect's error classifier, and the clock. No module state.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The few things that differ between databases once Kysely has compiled the SQL. */
export interface DialectHooks {
  readonly name: 'sqlite' | 'postgres';
  isUniqueViolation(error: unknown): boolean;
  /**
   * Inside a transaction: waits until no other transaction holds `key`, then holds it until this
   * one ends. For invariants a row lock cannot express (the next audit seq, "not the last
   * administrator", an approval quota). SQLite needs nothing: a write transaction excludes all others.
   */
  serialize(db: Kysely<Database>, key: string): Promise<void>;
}

export interface SqlContext {
  readonly db: Kysely<Database>;
  readonly hooks: DialectHooks;
  readonly now: () => string;
}

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const INSERT_CHUNK = 1_000;

export function chunks<T>(items: readonly T[], size: number = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
