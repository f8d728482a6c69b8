// Roll CSV: files that parse, the format/parse twins round-trip, and the size the parser must take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleRows, formatRollCsv, isEligible, parseRollCsv } from '../src/roll/index.ts';
import type { MemberEmail, MemberNumber, RollParseResult, RollRow } from '../src/roll/index.ts';
import { HEADER, csv, members } from './roll-fixtures.ts';

const rowsOf = (result: RollParseResult): readonly RollRow[] => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.value;
};

describe('parseRollCsv: good files', () => {
  it('reads every row and marks eligibility by good standing', () => {
    const rows = rowsOf(
      parseRollCsv(
        csv(
          HEADER,
          '1001,Ana Lopez,ana@example.org,yes,Drivers',
          '1002,Ben Okoro,BEN@Example.ORG,no,',
          '1003,Chen Wei,chen@example.org,TRUE,Warehouse',
          '1004,Dee Park,dee@example.org,0,Warehouse',
          '1005,Eli Stone,eli@example.org,1,',
        ),
      ),
    );
    expect(rows.map((r) => r.memberNumber)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    expect(rows[1]).toEqual({
      memberNumber: '1002',
      name: 'Ben Okoro',
      email: 'ben@example.org',
      goodStanding: false,
      unit: null,
    });
    expect(rows.filter(isEligible).map((r) => r.memberNumber)).toEqual(['1001', '1003', '1005']);
    expect(eligibleRows(rows)).toHaveLength(3);
  });

  it('accepts columns in any order and without the optional unit column', () => {
    const rows = rowsOf(
      parseRollCsv(csv('good_standing,email,member_number,name', 'yes,a@b.example,A-1,Ann')),
    );
    expect(rows).toEqual([
      { memberNumber: 'A-1', name: 'Ann', email: 'a@b.example', goodStanding: true, unit: null },
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    const rows = rowsOf(
      parseRollCsv(
        csv(
          HEADER,
          '1,"Lopez, Ana ""Annie""",ana@example.org,yes,"Drivers,',
          'Local 7"',
          '2,Ben,ben@example.org,no,',
        ),
      ),
    );
    expect(rows[0]?.name).toBe('Lopez, Ana "Annie"');
    expect(rows[0]?.unit).toBe('Drivers, Local 7');
    expect(rows[1]?.memberNumber).toBe('2');
  });

  it('strips a UTF-8 BOM from bytes and from text, and reads CRLF files', () => {
    const text = `${HEADER}\r\n1,Zoë Ångström,zoe@example.org,yes,Unit\r\n`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const input of [bytes, `\uFEFF${text}`]) {
      expect(rowsOf(parseRollCsv(input))).toEqual([
        {
          memberNumber: '1',
          name: 'Zoë Ångström',
          email: 'zoe@example.org',
          goodStanding: true,
          unit: 'Unit',
        },
      ]);
    }
  });

  it('skips blank lines and trims spaces around values', () => {
    const rows = rowsOf(
      parseRollCsv(csv('', HEADER, '', '  7 , Ann  Lee ,a@b.example, yes ,', '   ', '8,Bo,b@b.example,no,')),
    );
    expect(rows.map((r) => [r.memberNumber, r.name, r.goodStanding])).toEqual([
      ['7', 'Ann Lee', true],
      ['8', 'Bo', false],
    ]);
  });

  it('parses a 10,000-row file', () => {
    const roll = members(10_000);
    const rows = rowsOf(parseRollCsv(formatRollCsv(roll)));
    expect(rows).toHaveLength(10_000);
    expect(rows).toEqual(roll);
    expect(eligibleRows(rows)).toHaveLength(10_000 - Math.floor(10_000 / 7));
  });
});

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;

describe('formatRollCsv / parseRollCsv twins', () => {
  const safeText = fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim().normalize('NFC'))
    .filter((s) => s.length > 0 && s.length <= 100);
  const row: fc.Arbitrary<RollRow> = fc.record({
    memberNumber: fc.stringMatching(/^[A-Za-z0-9-]{1,32}$/).map((s) => s as MemberNumber),
    name: safeText,
    email: fc
      .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.stringMatching(/^[a-z]{2,6}$/))
      .map(([l, d]) => `${l}@${d}.example` as MemberEmail),
    goodStanding: fc.boolean(),
    unit: fc.option(safeText, { nil: null }),
  });

  it('round-trips any rows with distinct member numbers', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 20, selector: (r) => r.memberNumber }),
        (rows) => {
          expect(rowsOf(parseRollCsv(formatRollCsv(rows)))).toEqual(rows);
          expect(rowsOf(parseRollCsv(new TextEncoder().encode(formatRollCsv(rows))))).toEqual(rows);
        },
      ),
    );
  });
});
