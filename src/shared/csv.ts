/**
 * CSV that spreadsheet programs open cleanly: UTF-8 with a byte-order mark, every
 * field quoted, and no formula injection.
 */

/** U+FEFF: tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * Quotes one field. WARNING: a cell starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return) is run as a formula by spreadsheet programs; a leading
 * apostrophe makes it plain text.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole CSV document: header row, then rows; CRLF line ends as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
