// Check `extracts` (docs/record-format.md §2): each extract file is byte for byte what the board
// says. A mismatch names the file (and the line for ballots.jsonl). Must not parse the extracts:
// every other check reads the board, never an extract.
import { type CanonicalValue, toCanonical } from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import type { DecodedRecord, RecordFileName } from './files.ts';
import type { BoardModel } from './model.ts';

export function checkExtracts(decoded: DecodedRecord, model: BoardModel, findings: FindingCollector): void {
  const single = (file: RecordFileName, value: CanonicalValue | undefined, what: string) => {
    const text = decoded.texts.get(file);
    if (text === undefined) return; // reported by `files`
    if (value === undefined) findings.add('extracts', 'extract_mismatch', { file }, `${file}: the board has no usable ${what}`);
    else if (text !== toCanonical(value)) findings.add('extracts', 'extract_mismatch', { file }, `${file} differs from the board's ${what}`);
  };
  single('manifest.json', model.manifest?.value, 'vote_created manifest');
  single('trustees.json', model.trustees?.messages, 'trustees_published messages');
  single('credentials.json', model.credentials?.list, 'credentials_published credentials');
  single('tally.json', model.tally?.value, 'tally_computed tally');
  single('partial-decryptions.json', model.partials.map((p) => p.value), 'partial_decryption payloads');
  single('result.json', model.result?.value, 'result_published result');

  const file = 'ballots.jsonl';
  const text = decoded.texts.get(file);
  if (text === undefined) return;
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const expected = model.ballots.map((b) => toCanonical(b.ballot));
  let reported = false;
  for (let i = 0; i < Math.max(lines.length, expected.length); i++) {
    if (lines[i] !== expected[i]) {
      const seq = model.ballots[i]?.seq;
      findings.add('extracts', 'extract_mismatch', { file, line: i + 1, ...(seq !== undefined && { seq }) }, `${file} line ${i + 1} differs from the board's ballot_accepted ballot`);
      reported = true;
    }
  }
  if (!reported && text !== expected.map((l) => `${l}\n`).join('')) findings.add('extracts', 'extract_mismatch', { file }, `${file} differs from the board's ballots`);
}
