// Generated ids, and the SQL identifiers made from them (user text never becomes an identifier).
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short random id with a one-letter kind prefix: w… workbook, t… table, f… field, i… import, x… trash. */
export function newId(prefix: 'w' | 't' | 'f' | 'i' | 'x' | 'c'): string {
  const bytes = randomBytes(12);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

const SAFE = /^[a-z][a-z0-9]{1,40}$/;

function safe(id: string): string {
  if (!SAFE.test(id)) throw new Error(`Unsafe generated id: ${JSON.stringify(id)}`);
  return id;
}

/** SQL table of a user table. */
export function sqlTable(tableId: string): string {
  return `t_${safe(tableId)}`;
}

const columnNames = new Map<string, string>();

/** SQL column of a field's value. */
export function sqlColumn(fieldId: string): string {
  let name = columnNames.get(fieldId);
  if (name === undefined) {
    name = `c_${safe(fieldId)}`;
    if (columnNames.size > 100_000) columnNames.clear();
    columnNames.set(fieldId, name);
  }
  return name;
}

/** SQL column of a formula field's error / tag (JSON of the error, or "B" for a boolean in a mixed column). */
export function sqlTagColumn(fieldId: string): string {
  return `e_${safe(fieldId)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
