// The one reading of cell text for typed fields: typing and pasting in the grid, imports and API string writes.
import { readBooleanText } from './boolean-text';
import { readDateText } from './date-text';
import { type NumberRefusal, readNumberText } from './number-text';

/** Field types whose cells are read from text (text and select cells keep the text as it is). */
export type TypedKind = 'number' | 'date' | 'boolean';

/** Why a text cannot go into a cell of its kind; refusalText says it in words. */
export type CellRefusal = NumberRefusal | 'notDate' | 'notBoolean';

export type CellTextRead = { ok: true; value: number | string | boolean | null } | { ok: false; reason: CellRefusal };

/** Blank text (spaces only) is a blank cell in any typed field. */
export function isBlankText(text: string): boolean {
  return text.trim() === '';
}

const read = (value: number | string | boolean | null): CellTextRead => ({ ok: true, value });
const refuse = (reason: CellRefusal): CellTextRead => ({ ok: false, reason });

/** Text → the value of a number (number), date ("YYYY-MM-DD") or boolean cell, blank → null; else why not. */
export function readCellText(kind: TypedKind, text: string): CellTextRead {
  if (isBlankText(text)) return read(null);
  switch (kind) {
    case 'number': {
      const n = readNumberText(text);
      return typeof n === 'number' ? read(n) : refuse(n);
    }
    case 'date': {
      const d = readDateText(text);
      return d === 'notDate' ? refuse(d) : read(d.iso);
    }
    case 'boolean': {
      const b = readBooleanText(text);
      return b === 'notBoolean' ? refuse(b) : read(b);
    }
  }
}
