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

/**
 * Reads the CSV that `toCsv` writes: every field quoted, `""` for a quote, CRLF
 * between rows (LF alone is accepted too). A BOM at the start is skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith(UTF8_BOM) ? UTF8_BOM.length : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
