import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { decodeCsv } from './decode';

describe('CSV parsing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    const text = 'id,name,note\r\n1,"Kim, Minji","said ""hi"""\r\n\r\n2,Lee,"two\nlines"\n3,Park,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Kim, Minji', 'said "hi"'] },
      { line: 4, fields: ['2', 'Lee', 'two\nlines'] },
      { line: 6, fields: ['3', 'Park', ''] },
    ]);
  });
  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"oops\n')).toThrow(/Line 2: a quoted field is never closed/);
  });
});

describe('CSV encodings', () => {
  const text = 'employeeId,name\nE1,김민지\n';
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'UTF8' });
  });
  it('detects CP949 / EUC-KR from Korean Excel, or takes it when told', () => {
    const cp949 = iconv.encode(text, 'cp949');
    expect(decodeCsv(cp949)).toEqual({ text, encoding: 'CP949' });
    expect(decodeCsv(iconv.encode(text, 'euc-kr'), 'EUC_KR')).toEqual({ text, encoding: 'EUC_KR' });
    expect(() => decodeCsv(cp949, 'UTF8')).toThrow(/not valid UTF-8.*CP949/);
  });
  it('refuses bytes that are neither', () => {
    expect(() => decodeCsv(Buffer.from([0x61, 0xff, 0xfe, 0xff, 0x0a]))).toThrow(/neither UTF-8 nor CP949/);
  });
});
