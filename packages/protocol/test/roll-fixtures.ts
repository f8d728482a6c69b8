// Builders for roll CSV tests: member rows and CSV text, so tests state intent instead of blobs.
import type { MemberEmail, MemberNumber, RollRow } from '../src/roll/index.ts';

export const member = (n: number, overrides: Partial<RollRow> = {}): RollRow => ({
  memberNumber: `M-${String(n).padStart(5, '0')}` as MemberNumber,
  name: `Member ${n}`,
  email: `member${n}@local12.example.org` as MemberEmail,
  goodStanding: n % 7 !== 0,
  unit: n % 3 === 0 ? null : `Unit ${n % 3}`,
  ...overrides,
});

export const members = (count: number): RollRow[] => Array.from({ length: count }, (_, i) => member(i + 1));

/** Joins physical lines with LF and a trailing newline. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

export const HEADER = 'member_number,name,email,good_standing,unit';
