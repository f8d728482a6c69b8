// Roll import through the real `ratify` binary: a bad file is refused as a whole, every problem named
// by line (and column), with exit 1 and the `invalid_roll` code; the union's roll is unchanged.
// Files are built here, byte by byte (invalid UTF-8 cannot be a readable fixture).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type ErrorOutput, json, ratify, workDir } from './fixtures/cli-harness.ts';

type RollList = { count: number; eligible: number; members: { memberNumber: string }[] };

const HEADER = 'member_number,name,email,good_standing';

describe('ratify roll import: refusals', () => {
  let work: Awaited<ReturnType<typeof workDir>>;
  let baseline: RollList;
  const run = (...args: string[]) => ratify(work.db, args);
  async function importFile(name: string, content: string | Uint8Array) {
    const file = join(work.dir, name);
    await writeFile(file, content);
    return run('roll', 'import', 'guild', file);
  }

  beforeAll(async () => {
    work = await workDir('roll');
    json(await run('init'));
    json(await run('union', 'add', 'guild', 'Screen Actors Guild'));
    json(await run('roll', 'import', 'guild', join(FIXTURES, 'guild-roll.csv')));
    baseline = json<RollList>(await run('roll', 'list', 'guild'));
    expect(baseline.count).toBe(24);
  }, 60_000);
  afterAll(async () => work.cleanup());

  it('names every bad row by line and column, and imports nothing', async () => {
    const csv = [
      HEADER,
      'A-1,Ann Able,ann@example.org,yes', // line 2: good
      'A-2,Bob Baker,not-an-email,yes', // line 3
      'A-3,,carl@example.org,yes', // line 4
      'A-4,Dee Dunn,dee@example.org,maybe', // line 5
      'A-1,Eve Ever,eve@example.org,yes', // line 6: duplicate of line 2
      'A-5,Fay Fox,fay@example.org', // line 7: a field short
    ].join('\n');
    const r = await importFile('bad-rows.csv', `${csv}\n`);
    const out = json<ErrorOutput>(r, 1);
    expect(out.error.code).toBe('invalid_roll');
    expect(out.error.issues!.map((i) => [i.line, i.code, i.column])).toEqual([
      [3, 'invalid_email', 'email'],
      [4, 'missing_field', 'name'],
      [5, 'invalid_good_standing', 'good_standing'],
      [6, 'duplicate_member', 'member_number'],
      [7, 'wrong_column_count', null],
    ]);
    expect(out.error.issues![3]!.relatedLine).toBe(2);
    expect(r.stderr).toMatch(/line 3, email/);
    expect(r.stderr).toMatch(/line 6: member_number A-1 already on line 2/);
  });

  it('refuses invalid UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\nA-1,Ann Able,ann@example.org,yes\nA-2,Bo`), Buffer.from([0xc3, 0x28]), Buffer.from('b,bob@example.org,yes\n')]);
    const out = json<ErrorOutput>(await importFile('latin1.csv', bytes), 1);
    expect(out.error.issues!.map((i) => [i.code, i.line])).toEqual([['invalid_encoding', 3]]);
  });

  it('refuses an empty file and a header without members', async () => {
    expect(json<ErrorOutput>(await importFile('empty.csv', ''), 1).error.issues![0]!.code).toBe('empty_file');
    expect(json<ErrorOutput>(await importFile('header.csv', `${HEADER}\n`), 1).error.issues![0]!.code).toBe('no_rows');
  });

  it('keeps the roll unchanged, and reports I/O and unknown unions distinctly', async () => {
    expect(json<RollList>(await run('roll', 'list', 'guild'))).toEqual(baseline);
    expect(json<ErrorOutput>(await run('roll', 'import', 'guild', join(work.dir, 'missing.csv')), 2).error.code).toBe('io_error');
    expect(json<ErrorOutput>(await run('roll', 'import', 'nobody', join(FIXTURES, 'guild-roll.csv')), 1).error.code).toBe('union_not_found');
  });
});
