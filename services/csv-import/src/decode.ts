import iconv from 'iconv-lite';
import { validationError } from '@hub/events';

/*
 * CSV files arrive as UTF-8 (with or without a byte-order mark) or, exported from Korean Excel,
 * as CP949 (a superset of EUC-KR). `auto` takes UTF-8 when the bytes are valid UTF-8, else CP949.
 */
export const CSV_ENCODINGS = ['AUTO', 'UTF8', 'CP949', 'EUC_KR'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export const decodeCsv = (bytes: Uint8Array, encoding: CsvEncoding = 'AUTO'): { text: string; encoding: Exclude<CsvEncoding, 'AUTO'> } => {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  if (encoding === 'UTF8' || encoding === 'AUTO') {
    const body = hasBom ? bytes.subarray(3) : bytes;
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF8' };
    } catch {
      if (encoding === 'UTF8') throw validationError('The file is not valid UTF-8; if it was saved from Korean Excel, import it as CP949');
    }
  }
  if (hasBom) throw validationError('The file starts with a UTF-8 byte-order mark but is not valid UTF-8');
  const label = encoding === 'EUC_KR' ? 'euc-kr' : 'cp949';
  const text = iconv.decode(Buffer.from(bytes), label);
  // iconv maps undecodable bytes to U+FFFD: then the file is neither UTF-8 nor CP949.
  if (text.includes('\uFFFD'))
    throw validationError(`The file is neither UTF-8 nor ${encoding === 'EUC_KR' ? 'EUC-KR' : 'CP949/EUC-KR'} text`);
  return { text, encoding: encoding === 'EUC_KR' ? 'EUC_KR' : 'CP949' };
};
