import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Korean, and ends lines with CRLF', async () => {
    const text = toCsv(['이름', '직급'], [['김민준', '대리']]);
    const bytes = new Uint8Array(await new Blob([text]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe(`${BOM}이름,직급\r\n김민준,대리\r\n`);
  });

  it('quotes commas, quotes and line breaks, leaves empty cells empty', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['Café, Yeouido', 'say "hi"', null],
          ['two\nlines', 3, undefined],
        ],
      ),
    ).toBe(`${BOM}a,b,c\r\n"Café, Yeouido","say ""hi""",\r\n"two\nlines",3,\r\n`);
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], [-5]])).toBe(
      `${BOM}x\r\n"'=HYPERLINK(""http://evil"")"\r\n'+1\r\n'@SUM(A1)\r\n-5\r\n`,
    );
  });
});
