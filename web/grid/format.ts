import type { CellValue, Field } from '../api/types';
import { isErrorValue } from './group-colors';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, locale: string, maxFractionDigits = 10): string {
  const key = `${locale}:${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** "YYYY-MM-DD" shown in the locale's numeric date form; anything else as is. */
export function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** A moment (ISO timestamp) in the locale's medium date and short time; anything unreadable as is. */
export function formatDateTime(iso: string, locale: string): string {
  const dt = new Date(iso);
  if (Number.isNaN(dt.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(dt);
}

export function displayType(field: Field): 'text' | 'number' | 'date' | 'boolean' | 'mixed' {
  if (field.type === 'formula') return field.resultType ?? 'mixed';
  if (field.type === 'select') return 'text';
  return field.type;
}

/** How a cell reads in the grid (chips and checkboxes are drawn by renderers, this is their text). */
export function formatCell(field: Field, value: CellValue | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  if (isErrorValue(value)) return value.error;
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (displayType(field) === 'date') return formatDate(value, locale);
  return value;
}
