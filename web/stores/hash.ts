/** The location hash names the open workbook and table: `#/wb/<workbookId>/t/<tableId>`. */
export interface Location {
  workbookId: string | null;
  tableId: string | null;
}

export function parseHash(hash: string): Location {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const loc: Location = { workbookId: null, tableId: null };
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === 'wb') loc.workbookId = parts[i + 1] ?? null;
    if (parts[i] === 't') loc.tableId = parts[i + 1] ?? null;
  }
  return loc;
}

export function formatHash(loc: Location): string {
  let h = '';
  if (loc.workbookId) h += `/wb/${encodeURIComponent(loc.workbookId)}`;
  if (loc.workbookId && loc.tableId) h += `/t/${encodeURIComponent(loc.tableId)}`;
  return h ? `#${h}` : '';
}
