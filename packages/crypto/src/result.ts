// Result: the return type of every operation whose failure is expected (bad input from outside).
// Bugs throw; expected failures are values with a snake_case code. Shared by every Ratify package.

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E extends string> = { readonly ok: false; readonly error: E; readonly detail?: string };
export type Result<T, E extends string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const err = <E extends string>(error: E, detail?: string): Err<E> =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };

/** Unwraps a Result that cannot fail unless there is a bug (e.g. data we just produced ourselves). */
export function unwrap<T, E extends string>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`unexpected failure: ${result.error}${result.detail ? ` (${result.detail})` : ''}`);
  return result.value;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
