// Tampered records through `ratify verify`: one character of a ballot, a tally value, a result
// count — each changed in an extract only, on the board only, or on the board with the hash chain
// and record.json recomputed (a server rewriting history consistently). Every case exits 1 and names
// the check that catches it. The base record is a seeded simulation (exported by the engine).
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CanonicalValue, computeEventHash, toCanonical, type BoardEventKind } from '@ratify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, ratify, workDir } from './fixtures/cli-harness.ts';

type Report = { ok: boolean; checks: { name: string; status: string }[] };
type Line = { hash: string; kind: BoardEventKind; payload: { [key: string]: CanonicalValue }; prevHash: string; seq: number };

const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');
const write = (dir: string, name: string, text: string) => writeFile(join(dir, name), text);

/** Flips the first hex digit of the first proof response (low byte: the scalar stays canonical). */
const flipResponse = (text: string) => text.replace(/"response":"([0-9a-f])/, (_, c: string) => `"response":"${c === '0' ? '1' : '0'}`);
/** Swaps the yes and no ciphertexts of the tally: the same bytes, the other meaning. */
function swapTally(tally: string): string {
  const t = JSON.parse(tally) as { questions: CanonicalValue[][] };
  t.questions[0] = [t.questions[0]![1]!, t.questions[0]![0]!];
  return toCanonical(t as unknown as CanonicalValue);
}
function addYes(result: string): string {
  const r = JSON.parse(result) as { questions: { counts: { options: number[] } }[] };
  r.questions[0]!.counts.options[0]! += 1;
  return toCanonical(r as unknown as CanonicalValue);
}

async function editBoard(dir: string, kind: string, edit: (payloadText: string) => string): Promise<void> {
  const lines = (await read(dir, 'board.jsonl')).trimEnd().split('\n');
  const i = lines.findIndex((l) => (JSON.parse(l) as Line).kind === kind);
  const line = JSON.parse(lines[i]!) as Line;
  const field = Object.keys(line.payload).find((k) => k !== 'trackingCode')!;
  line.payload[field] = JSON.parse(edit(toCanonical(line.payload[field]!))) as CanonicalValue;
  lines[i] = toCanonical(line as unknown as CanonicalValue);
  await write(dir, 'board.jsonl', `${lines.join('\n')}\n`);
}

/** Recomputes every event hash and record.json's head, as a dishonest server could. */
async function rechain(dir: string): Promise<void> {
  const record = JSON.parse(await read(dir, 'record.json')) as { boardHead: string; voteId: string };
  let prev = '0'.repeat(64);
  const lines = (await read(dir, 'board.jsonl')).trimEnd().split('\n').map((l) => {
    const e = JSON.parse(l) as Line;
    const hash = computeEventHash(record.voteId, e.seq, prev, e.kind, toCanonical(e.payload));
    const out = toCanonical({ ...e, prevHash: prev, hash } as unknown as CanonicalValue);
    prev = hash;
    return out;
  });
  await write(dir, 'board.jsonl', `${lines.join('\n')}\n`);
  await write(dir, 'record.json', toCanonical({ ...record, boardHead: prev } as unknown as CanonicalValue));
}

type Case = { readonly name: string; readonly tamper: (dir: string) => Promise<void>; readonly failed: string };

const CASES: readonly Case[] = [
  { name: 'a ballot in ballots.jsonl', failed: 'extracts', tamper: async (d) => write(d, 'ballots.jsonl', flipResponse(await read(d, 'ballots.jsonl'))) },
  { name: 'a ballot in board.jsonl', failed: 'board_chain', tamper: (d) => editBoard(d, 'ballot_accepted', flipResponse) },
  {
    name: 'a ballot in both, board rehashed',
    failed: 'ballots',
    tamper: async (d) => {
      await write(d, 'ballots.jsonl', flipResponse(await read(d, 'ballots.jsonl')));
      await editBoard(d, 'ballot_accepted', flipResponse);
      await rechain(d);
    },
  },
  { name: 'a tally value in tally.json', failed: 'extracts', tamper: async (d) => write(d, 'tally.json', swapTally(await read(d, 'tally.json'))) },
  {
    name: 'a tally value, board rehashed',
    failed: 'tally',
    tamper: async (d) => {
      await write(d, 'tally.json', swapTally(await read(d, 'tally.json')));
      await editBoard(d, 'tally_computed', swapTally);
      await rechain(d);
    },
  },
  { name: 'a result count in result.json', failed: 'extracts', tamper: async (d) => write(d, 'result.json', addYes(await read(d, 'result.json'))) },
  {
    name: 'a result count, board rehashed',
    failed: 'decryption',
    tamper: async (d) => {
      await write(d, 'result.json', addYes(await read(d, 'result.json')));
      await editBoard(d, 'result_published', addYes);
      await rechain(d);
    },
  },
];

describe('ratify verify on tampered records', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  let base: string;
  beforeAll(async () => {
    work = await workDir('tamper');
    base = join(work.dir, 'base');
    json(await ratify(work.db, ['simulate', '--voters', '12', '--turnout', '1', '--seed', 'tamper', '--out', base]));
  }, 60_000);
  afterAll(async () => work.cleanup());

  it.each(CASES)('$name → exit 1, $failed fails', { timeout: 60_000 }, async ({ name, tamper, failed }) => {
    const dir = join(work.dir, name.replace(/\W+/g, '-'));
    await cp(base, dir, { recursive: true });
    await tamper(dir);
    const r = await ratify(work.db, ['verify', dir, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.name)).toContain(failed);
    expect(r.stderr).toMatch(new RegExp(`INVALID: failed check\\(s\\): .*${failed}`));
  });
});
