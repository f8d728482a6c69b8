// The producing twin of parseRollCsv: writes RollRows as a roll CSV that parses back to the same
// rows (round-trip tested). Used for exports and test fixtures. Must not validate: rows are typed.
import type { RollRow } from './types.ts';
import { ROLL_COLUMNS } from './types.ts';

const quote = (value: string): string =>
  /[",\n\r]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;

export function formatRollCsv(rows: readonly RollRow[]): string {
  const lines = [ROLL_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [row.memberNumber, row.name, row.email, row.goodStanding ? 'yes' : 'no', row.unit ?? '']
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
