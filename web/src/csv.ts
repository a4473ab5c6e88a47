/**
 * CSV as Excel opens it in Korea: UTF-8 with a byte-order mark (without it Excel reads the bytes as
 * CP949 and Korean names turn to noise), CRLF lines, RFC 4180 quoting, and a cell that would start
 * a formula (=, +, -, @) prefixed with an apostrophe so a name cannot run in someone's spreadsheet.
 */
export const BOM = '\uFEFF';

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string =>
  BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** Hands the text to the browser as a file download. */
export const downloadCsv = (filename: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
