// Cell converters compiled once per column of an import: file text → the stored SQL value of the target field,
// or BAD. They store exactly what checkCell + encodeCell store, with fast paths for plain numbers and ISO dates.
import type { SqlValue } from '../../db/user-tables';
import type { MessageLanguage } from '../../http/app-error';
import type { FieldMeta } from '../meta';
import { checkCell, MAX_TEXT, parseBooleanText, parseDateText, parseNumberText } from '../rows/cells';
import { isoDateForm, isPlainNumber } from './fast-parse';
import type { StoredAs } from './read-source';

export const BAD = Symbol('bad cell');
/** `stored`: how an XLSX cell was stored (a number's text is then its exact shortest form); none for CSV. */
export type Converter = (raw: string, stored?: StoredAs) => SqlValue | typeof BAD;

function toNumber(raw: string, stored?: StoredAs): SqlValue | typeof BAD {
  if (raw === '') return null;
  // A number cell is not read as text: the text rules (digits, separators) are for what people type.
  const n = stored === 'number' || isPlainNumber(raw) ? Number(raw) : parseNumberText(raw);
  if (n === undefined) return BAD;
  return Number.isFinite(n) ? n : null;
}

function toDate(raw: string): SqlValue | typeof BAD {
  if (raw === '') return null;
  if (isoDateForm(raw) !== 0) return raw.slice(0, 10);
  return parseDateText(raw)?.iso ?? BAD;
}

function toBoolean(raw: string): SqlValue | typeof BAD {
  if (raw === '') return null;
  const b = parseBooleanText(raw);
  return b === undefined ? BAD : b ? 1 : 0;
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
