// The CLI's output and failure conventions, in one place: stdout carries data (one JSON document per
// command), stderr carries words for people. Exit 0 = done, 1 = refused with a reason code or a
// check failed, 2 = usage or I/O error. Commands throw CliFailure; main.ts maps it to output + code.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type UnionId, type VoteId, parseUnionId, parseVoteId } from '@ratify/protocol';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/** An expected failure: printed as `{ "error": { code, message, … } }` on stdout. */
export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT_REFUSED,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const refuse = (code: string, message: string, extra: Record<string, unknown> = {}): never => {
  throw new CliFailure(code, message, EXIT_REFUSED, extra);
};

export const usage = (code: string, message: string): never => {
  throw new CliFailure(code, message, EXIT_USAGE);
};

/** A vote id from the command line, checked once where it enters (exit 2 when malformed). */
export const voteIdArg = (text: string): VoteId => {
  const parsed = parseVoteId(text);
  return parsed.ok ? parsed.value : usage('invalid_vote_id', `not a vote id: ${JSON.stringify(text)} (${parsed.detail ?? parsed.error})`);
};

/** A union id from the command line, checked once where it enters (exit 2 when malformed). */
export const unionIdArg = (text: string): UnionId => {
  const parsed = parseUnionId(text);
  return parsed.ok ? parsed.value : usage('invalid_union_id', `not a union id: ${JSON.stringify(text)} (${parsed.detail ?? parsed.error})`);
};

/** Turns a failed Result into a refusal carrying its code and detail. */
export function check<T>(result: { ok: true; value: T } | { ok: false; error: string; detail?: string }, what: string): T {
  if (result.ok) return result.value;
  return refuse(result.error, `${what}: ${result.error}${result.detail ? ` (${result.detail})` : ''}`);
}

/** Prints a command's data as JSON on stdout. bigint never reaches here (wire values are hex). */
export function emit(data: unknown): void {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function printFailure(failure: CliFailure): void {
  emit({ error: { code: failure.code, message: failure.message, ...failure.extra } });
  say(`ratify: ${failure.message}`);
}

function ioFailure(path: string, error: unknown): CliFailure {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
  const message = error instanceof Error ? error.message : String(error);
  return new CliFailure('io_error', `cannot access ${path} (${code}): ${message}`, EXIT_USAGE);
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw ioFailure(path, error);
  }
}

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw ioFailure(path, error);
  }
}

/** Reads a JSON file a person wrote (not a wire object: those go through the protocol parsers). */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return usage('invalid_json', `${path} is not JSON: ${error instanceof Error ? error.message : ''}`);
  }
}

/** Writes a file, creating its directory; `secret` files are created with mode 0600. */
export async function writeText(path: string, text: string, options: { readonly secret?: boolean } = {}): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, options.secret ? { mode: 0o600 } : {});
    // writeFile keeps the mode of an existing file: force it for secrets.
    if (options.secret) await chmod(path, 0o600);
  } catch (error) {
    throw ioFailure(path, error);
  }
}

/** Writes binary data (a PDF), creating its directory. */
export async function writeBytes(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  } catch (error) {
    throw ioFailure(path, error);
  }
}

export async function makeDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw ioFailure(path, error);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
