// Tamper classes of the record's container (record-format §1–§3, checks files, record_index,
// board_chain, extracts): each raw edit of the files fails its named check with a located finding.
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { codes, editBoardLine, failed, findings, obj, rewritten, verify } from './helpers.ts';

const vote = buildVote();
const files = vote.files;
const boardLines = files['board.jsonl']!.split('\n').slice(0, -1);
const withBoard = (lines: string[]) => ({ ...files, 'board.jsonl': lines.map((l) => `${l}\n`).join('') });

describe('files', () => {
  it('a missing file', async () => {
    const { ['tally.json']: _dropped, ...rest } = files;
    const report = await verify(rest);
    expect(failed(report)).toEqual(['files']);
    expect(findings(report, 'files')).toEqual([expect.objectContaining({ code: 'missing_file', location: { file: 'tally.json' } })]);
  });

  it('an extra file', async () => {
    const report = await verify({ ...files, 'notes.txt': 'hello' });
    expect(failed(report)).toEqual(['files']);
    expect(codes(report, 'files')).toEqual(['unexpected_file']);
  });

  it('a non-canonical .json file (whitespace, trailing newline) also fails as an extract', async () => {
    const report = await verify({ ...files, 'result.json': `${files['result.json']!}\n` });
    expect(codes(report, 'files')).toEqual(['non_canonical']);
    expect(findings(report, 'files')[0]!.location).toEqual({ file: 'result.json' });
    expect(failed(report)).toEqual(['files', 'extracts']);
  });

  it('a non-canonical board line (keys out of order) is located by line', async () => {
    const lines = [...boardLines];
    const e = JSON.parse(lines[3]!) as Record<string, unknown>;
    lines[3] = JSON.stringify({ seq: e.seq, hash: e.hash, kind: e.kind, payload: e.payload, prevHash: e.prevHash });
    const report = await verify(withBoard(lines));
    expect(failed(report)).toEqual(['files']);
    expect(findings(report, 'files')).toEqual([expect.objectContaining({ code: 'non_canonical', location: { file: 'board.jsonl', line: 4 } })]);
  });

  it('invalid UTF-8 and a missing final newline', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(files['manifest.json']!), 0xff]);
    const report = await verify({ ...files, 'manifest.json': bytes, 'ballots.jsonl': files['ballots.jsonl']!.slice(0, -1) });
    expect(codes(report, 'files').sort()).toEqual(['invalid_utf8', 'missing_final_newline']);
  });
});

describe('extracts', () => {
  it('an extract that differs from the board is named', async () => {
    const manifest = files['manifest.json']!.replace('Local 7', 'Local 8');
    const report = await verify({ ...files, 'manifest.json': manifest });
    expect(failed(report)).toEqual(['extracts']);
    expect(findings(report, 'extracts')).toEqual([expect.objectContaining({ code: 'extract_mismatch', location: { file: 'manifest.json' } })]);
  });

  it('a dropped line of ballots.jsonl is located', async () => {
    const lines = files['ballots.jsonl']!.split('\n');
    lines.splice(4, 1);
    const report = await verify({ ...files, 'ballots.jsonl': lines.join('\n') });
    expect(failed(report)).toEqual(['extracts']);
    expect(findings(report, 'extracts')[0]!.location).toMatchObject({ file: 'ballots.jsonl', line: 5 });
  });
});

describe('record_index', () => {
  it('a wrong fingerprint in record.json', async () => {
    const index = JSON.parse(files['record.json']!) as Record<string, string>;
    const fingerprint = (index.fingerprint!.startsWith('0') ? '1' : '0') + index.fingerprint!.slice(1);
    const report = await verify({ ...files, 'record.json': JSON.stringify({ ...index, fingerprint }) });
    expect(failed(report)).toEqual(['record_index']);
    expect(findings(report, 'record_index')).toEqual([expect.objectContaining({ code: 'fingerprint_mismatch', location: { file: 'record.json', path: '$.fingerprint' } })]);
  });

  it('a wrong head or event count in record.json, and a head other than the published one', async () => {
    const index = JSON.parse(files['record.json']!) as Record<string, unknown>;
    const report = await verify({ ...files, 'record.json': JSON.stringify({ ...index, boardHead: '0'.repeat(64), events: 22 }) }, { expectedBoardHead: 'f'.repeat(64) });
    expect(failed(report)).toEqual(['record_index']);
    expect(codes(report, 'record_index').sort()).toEqual(['board_head_mismatch', 'event_count_mismatch', 'published_head_mismatch']);
  });
});

describe('board_chain', () => {
  it('a dropped event', async () => {
    const lines = [...boardLines];
    lines.splice(6, 1);
    const report = await verify(withBoard(lines));
    expect(failed(report)).toContain('board_chain');
    expect(findings(report, 'board_chain').map((f) => [f.code, f.location.seq])).toEqual([
      ['bad_sequence', 7],
      ['bad_prev_hash', 7],
    ]);
  });

  it('a duplicated event', async () => {
    const lines = [...boardLines];
    lines.splice(6, 0, lines[6]!);
    const report = await verify(withBoard(lines));
    expect(codes(report, 'board_chain')).toEqual(['bad_sequence', 'bad_prev_hash']);
    expect(findings(report, 'board_chain')[0]!.location).toEqual({ file: 'board.jsonl', line: 8, seq: 6 });
  });

  it('two events swapped', async () => {
    const lines = [...boardLines];
    [lines[5], lines[6]] = [lines[6]!, lines[5]!];
    const report = await verify(withBoard(lines));
    // The two swapped events are ballots, so ballots.jsonl (in board order) no longer matches either.
    expect(failed(report)).toEqual(['board_chain', 'extracts']);
    expect(new Set(codes(report, 'board_chain'))).toEqual(new Set(['bad_sequence', 'bad_prev_hash']));
    expect(findings(report, 'board_chain')[0]!.location).toEqual({ file: 'board.jsonl', line: 6, seq: 6 });
  });

  it('a changed payload breaks exactly that event hash', async () => {
    const edited = editBoardLine(files, 3, (line) => (obj(line.payload).at = '2024-03-10T14:00:01Z'));
    const report = await verify(edited);
    expect(failed(report)).toEqual(['board_chain']);
    expect(findings(report, 'board_chain')).toEqual([expect.objectContaining({ code: 'bad_hash', location: { file: 'board.jsonl', line: 4, seq: 3 } })]);
  });

  it('events out of the order of record-format §1 are named even when re-hashed', async () => {
    const moved = rewritten(vote.entries, (entries) => {
      const opened = entries.splice(3, 1)[0]!;
      entries.splice(6, 0, opened);
    });
    const report = await verify(moved);
    expect(failed(report)).toEqual(['board_chain']);
    expect(findings(report, 'board_chain')).toEqual([expect.objectContaining({ code: 'bad_event_order', location: { file: 'board.jsonl', line: 7, seq: 6 } })]);
  });
});
