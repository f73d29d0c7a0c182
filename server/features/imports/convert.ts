// Cell converters compiled once per column of an import: file text → the stored SQL value of the target field,
// or BAD. They store exactly what checkCell + encodeCell store: fast paths for plain numbers and ISO dates, then
// the one cell-text reader of common/ (blank text, spaces only, is a blank cell there too).
import { isBlankText, MAX_TEXT, readBooleanText, readDateText, readNumberText } from '../../../common';
import type { SqlValue } from '../../db/user-tables';
import type { MessageLanguage } from '../../http/app-error';
import type { FieldMeta } from '../meta';
import { checkCell } from '../rows/cells';
import { isoDateForm, plainNumberForm } from './fast-parse';
import type { StoredAs } from './read-source';

export const BAD = Symbol('bad cell');
/** `stored`: how an XLSX cell was stored (a number's text is then its exact shortest form); none for CSV. */
export type Converter = (raw: string, stored?: StoredAs) => SqlValue | typeof BAD;

const blankOrBad = (raw: string): null | typeof BAD => (isBlankText(raw) ? null : BAD);

function toNumber(raw: string, stored?: StoredAs): SqlValue | typeof BAD {
  if (raw === '') return null;
  // A number cell is not read as text: the text rules (digits, separators, codes) are for what people type.
  if (stored === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  const plain = plainNumberForm(raw);
  if (plain !== 0) return plain === 1 ? Number(raw) : BAD;
  const n = readNumberText(raw);
  return typeof n === 'number' ? n : blankOrBad(raw);
}

function toDate(raw: string): SqlValue | typeof BAD {
  if (raw === '') return null;
  if (isoDateForm(raw) !== 0) return raw.slice(0, 10);
  const d = readDateText(raw);
  return d === 'notDate' ? blankOrBad(raw) : d.iso;
}

function toBoolean(raw: string): SqlValue | typeof BAD {
  if (raw === '') return null;
  const b = readBooleanText(raw);
  return b === 'notBoolean' ? blankOrBad(raw) : b ? 1 : 0;
}

function toText(raw: string): SqlValue | typeof BAD {
  if (raw === '') return null;
  return raw.length > MAX_TEXT ? BAD : raw;
}

export function converterFor(field: FieldMeta): Converter {
  switch (field.type) {
    case 'text':
      return toText;
    case 'number':
      return toNumber;
    case 'date':
      return toDate;
    case 'boolean':
      return toBoolean;
    case 'select':
      return (raw) => {
        const r = checkCell(field, raw);
        return r.ok && (typeof r.value === 'string' || r.value === null) ? r.value : BAD;
      };
    case 'formula':
      return () => BAD;
  }
}

/** Why a cell was BAD, in the user's language (only asked for bad cells, so it may be slow). */
export function badReason(field: FieldMeta, raw: string, lang: MessageLanguage): string {
  const r = checkCell(field, raw);
  if (r.ok) return lang === 'zh-CN' ? '无法转换' : 'cannot be converted';
  return lang === 'zh-CN' ? r.reasonZh : r.reason;
}
