/**
 * Tab-separated text as Excel and WPS put it on the clipboard: rows end with \r\n or \n, a cell holding a
 * tab, newline or quote is wrapped in quotes with quotes doubled. The final line break is not a row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: runs to the closing quote not followed by another quote.
      const close = findClosingQuote(text, i + 1);
      if (close >= 0) {
        const after = text[close + 1];
        if (after === undefined || after === '\t' || after === '\n' || after === '\r') {
          cell = text.slice(i + 1, close).replace(/""/g, '"');
          i = close + 1;
          atCellStart = false;
          continue;
        }
      }
      // Not a well-formed quoted cell: the quote is text, as Excel reads it.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
  return -1;
}

function quoteCell(s: string): string {
  return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The inverse of parseTsv: what Excel puts on the clipboard for a range (with a final line break). */
export function serializeTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + (rows.length ? '\r\n' : '');
}
