// Roll CSV: every issue code, each named by its exact physical line (header = line 1) and column.
import { describe, expect, it } from 'vitest';
import { formatRollCsv, parseRollCsv } from '../src/roll/index.ts';
import type { RollIssue, RollParseResult } from '../src/roll/index.ts';
import { HEADER, csv, members } from './roll-fixtures.ts';

const issuesOf = (result: RollParseResult): readonly RollIssue[] => {
  if (result.ok) throw new Error('expected the roll to be rejected');
  expect(result.error).toBe('invalid_roll');
  return result.issues;
};
/** code@line:column triples, the shape every assertion below compares. */
const brief = (result: RollParseResult): string[] =>
  issuesOf(result).map((i) => `${i.code}@${i.line ?? '-'}${i.column === null ? '' : `:${i.column}`}`);

describe('parseRollCsv: file-level issues', () => {
  it('rejects an empty file, including one of only blank lines or a BOM', () => {
    for (const input of ['', '\n\n  \n', '\uFEFF', new Uint8Array([0xef, 0xbb, 0xbf])]) {
      expect(brief(parseRollCsv(input))).toEqual(['empty_file@-']);
    }
  });

  it('rejects a file whose first line is data, not a header', () => {
    expect(brief(parseRollCsv(csv('1001,Ana,ana@example.org,yes,Drivers')))).toEqual(['missing_header@1']);
  });

  it('names unknown, duplicated and missing columns', () => {
    expect(
      brief(
        parseRollCsv(
          csv('member_number,name,e-mail,good_standing,unit,unit,phone', '1,A,a@b.example,yes,,,'),
        ),
      ),
    ).toEqual([
      'unknown_column@1:e-mail',
      'duplicate_column@1:unit',
      'unknown_column@1:phone',
      'missing_column@1:email',
    ]);
  });

  it('takes header names exactly (case and spacing matter)', () => {
    expect(brief(parseRollCsv(csv('member_number,Name,email,good_standing', '1,A,a@b.example,yes')))).toEqual(
      ['unknown_column@1:Name', 'missing_column@1:name'],
    );
  });

  it('refuses a header with no members', () => {
    expect(brief(parseRollCsv(csv(HEADER)))).toEqual(['no_rows@1']);
  });

  it('names every line with invalid UTF-8', () => {
    const good = new TextEncoder().encode(
      csv(HEADER, '1,Ana,ana@example.org,yes,', '2,Ben,ben@example.org,yes,', '3,Cy,cy@example.org,yes,'),
    );
    const bytes = Array.from(good);
    const lineStart = (line: number): number => {
      let seen = 1;
      return bytes.findIndex((b, i) => (i === 0 ? line === 1 : bytes[i - 1] === 0x0a && ++seen === line));
    };
    bytes[lineStart(2) + 3] = 0xff; // a byte that never occurs in UTF-8
    bytes.splice(lineStart(4) + 3, 0, 0xc3); // a lead byte with no continuation
    expect(brief(parseRollCsv(new Uint8Array(bytes)))).toEqual(['invalid_encoding@2', 'invalid_encoding@4']);
  });

  it('rejects more rows than the bound, naming the first line past it', () => {
    const text = formatRollCsv(members(11));
    expect(brief(parseRollCsv(text, { maxRows: 10 }))).toEqual(['too_many_rows@12']);
    expect(parseRollCsv(text, { maxRows: 11 }).ok).toBe(true);
  });

  it('reports an unbalanced quote as malformed at the line its record starts', () => {
    expect(
      brief(
        parseRollCsv(
          csv(
            HEADER,
            '1,Ana,ana@example.org,yes,',
            '2,"Ben,ben@example.org,yes,',
            '3,Cy,cy@example.org,yes,',
          ),
        ),
      ),
    ).toEqual(['malformed_csv@3']);
    expect(brief(parseRollCsv(csv(HEADER, '1,"Ana"x,ana@example.org,yes,')))).toEqual(['malformed_csv@2']);
  });

  it('cuts the issue list at its bound and says so', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i + 1},Name,not-an-email,yes,`);
    const issues = issuesOf(parseRollCsv(csv(HEADER, ...lines), { maxIssues: 5 }));
    expect(issues.map((i) => i.code)).toEqual([...Array<string>(5).fill('invalid_email'), 'too_many_issues']);
    expect(issues[5]?.line).toBe(7);
  });
});

describe('parseRollCsv: row issues', () => {
  it('names each bad field by line and column, and keeps going to the end', () => {
    const result = parseRollCsv(
      csv(
        HEADER,
        '1,Ana,ana@example.org,yes,', // line 2: fine
        ',Ben,ben@example.org,yes,', // 3: missing member number
        '3,,cy@example.org,maybe,', // 4: missing name, bad standing
        '4,Dee,dee@,yes,', // 5: bad email
        'no spaces,Eli,eli@example.org,no,', // 6: bad member number
        `${'9'.repeat(33)},Fay,fay@example.org,no,`, // 7: member number too long for the pattern
        `7,${'x'.repeat(201)},gus@example.org,yes,`, // 8: name too long
        '8,Hal,hal@example.org,yes', // 9: four fields, header has five
        '9,Ivy\u0007,ivy@example.org,yes,', // 10: control character
        '10,Jo,jo@example.org,,', // 11: missing good standing
        `11,Kai,kai@example.org,yes,${'u'.repeat(101)}`, // 12: unit too long
        '12,Lou\u202Egnp.exe,lou@example.org,yes,', // 13: a right-to-left override
        '13,Max,max@example.org,yes,Unit \u2066A\u2069', // 14: bidi isolates in the unit
      ),
    );
    expect(brief(result)).toEqual([
      'missing_field@3:member_number',
      'missing_field@4:name',
      'invalid_good_standing@4:good_standing',
      'invalid_email@5:email',
      'invalid_member_number@6:member_number',
      'invalid_member_number@7:member_number',
      'too_long@8:name',
      'wrong_column_count@9',
      'invalid_characters@10:name',
      'missing_field@11:good_standing',
      'too_long@12:unit',
      'invalid_characters@13:name',
      'invalid_characters@14:unit',
    ]);
    expect(issuesOf(result)[3]?.message).toBe('line 5, email: is not an email address');
  });

  it('names both lines of a duplicate member', () => {
    const issues = issuesOf(
      parseRollCsv(
        csv(
          HEADER,
          '1,Ana,ana@example.org,yes,',
          '2,Ben,ben@example.org,yes,',
          '1,Ana L,ana2@example.org,no,',
        ),
      ),
    );
    expect(issues).toEqual([
      {
        code: 'duplicate_member',
        line: 4,
        column: 'member_number',
        relatedLine: 2,
        message: 'line 4: member_number 1 already on line 2',
      },
    ]);
  });

  it('names a duplicate of a row that is itself invalid', () => {
    const issues = issuesOf(parseRollCsv(csv(HEADER, '5,Ana,bad-email,yes,', '5,Ana,ana@example.org,yes,')));
    expect(issues.map((i) => [i.code, i.line, i.relatedLine])).toEqual([
      ['invalid_email', 2, null],
      ['duplicate_member', 3, 2],
    ]);
  });

  it('keeps line numbers right after quoted fields that span lines', () => {
    const result = parseRollCsv(
      csv(
        HEADER, // 1
        '1,"Ana', // 2
        'Lopez",ana@example.org,yes,"Drivers', // 3
        'Local 7"', // 4
        '2,Ben,not-an-email,yes,', // 5
        '', // 6 (blank)
        '3,"Cy",cy@example.org,"y', // 7
        'es",', // 8
        '1,Dup,dup@example.org,yes,', // 9
      ),
    );
    expect(brief(result)).toEqual([
      'invalid_email@5:email',
      'invalid_good_standing@7:good_standing',
      'duplicate_member@9:member_number',
    ]);
    expect(issuesOf(result)[2]?.relatedLine).toBe(2);
  });

  it('keeps line numbers right in CRLF files with quoted CRLF line breaks', () => {
    const text = [HEADER, '1,"Ana\r\nLopez",ana@example.org,yes,', '2,Ben,bad,yes,'].join('\r\n');
    expect(brief(parseRollCsv(text))).toEqual(['invalid_email@4:email']);
  });

  it('accepts only yes/no, true/false, 1/0 for good standing', () => {
    for (const value of ['yes', 'No', 'TRUE', 'false', '1', '0']) {
      expect(parseRollCsv(csv(HEADER, `1,A,a@b.example,${value},`)).ok).toBe(true);
    }
    for (const value of ['y', 'n', '2', 'active', 'paid']) {
      expect(brief(parseRollCsv(csv(HEADER, `1,A,a@b.example,${value},`)))).toEqual([
        'invalid_good_standing@2:good_standing',
      ]);
    }
  });

  it('checks email addresses', () => {
    for (const email of [
      'a@b.example',
      'first.last+tag@sub.example.co.uk',
      "o'neil@example.org",
      'x@xn--80ak6aa92e.com',
    ]) {
      expect(parseRollCsv(csv(HEADER, `1,A,${email},yes,`)).ok).toBe(true);
    }
    for (const email of [
      'plain',
      '@example.org',
      'a@',
      'a@b',
      'a@@b.example',
      'a b@example.org',
      '.a@example.org',
      'a..b@example.org',
      'a@-b.example',
      'a@b.c0m',
    ]) {
      expect(brief(parseRollCsv(csv(HEADER, `1,A,"${email}",yes,`)))).toEqual(['invalid_email@2:email']);
    }
  });
});
