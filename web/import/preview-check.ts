// What the import will do with the preview's values: which cells will not convert to the type they go into,
// how many rows that makes bad, and the note under each column. The checks mirror the server's converters
// (server/features/imports/convert.ts), with the very reader they use (common/): the preview must not promise what
// the commit then refuses.
import { type CellRefusal, MAX_TEXT, readCellText, readDateText } from '../../common';
import type { Field, ImportColumnType, ImportPreview } from '../api/types';

/** Why a cell will not convert: the cell-text reader's reasons, or a select or text cell's own. */
export type CellFailure = CellRefusal | 'notOption' | 'tooLong';

/** Where a file column goes: a type (new table) or a field (append); null when the column is not imported. */
export interface ColumnTarget {
  type: ImportColumnType | 'select';
  /** Set when appending. */
  field?: Pick<Field, 'name' | 'type' | 'options'>;
}

const isDate = (raw: string): boolean => readDateText(raw) !== 'notDate';

function readFailure(kind: 'number' | 'date' | 'boolean', raw: string): CellRefusal | null {
  const r = readCellText(kind, raw);
  return r.ok ? null : r.reason;
}

function isOption(raw: string, options: readonly { value: string }[]): boolean {
  const t = raw.trim().toLowerCase();
  return options.some((o) => o.value === raw || o.value.toLowerCase() === t);
}

/** Why `raw` will not go into `target`, or null when it will (an empty cell always does). */
export function cellFailure(raw: string | null, target: ColumnTarget): CellFailure | null {
  if (raw === null || raw === '') return null;
  switch (target.type) {
    case 'number':
    case 'date':
    case 'boolean':
      return readFailure(target.type, raw);
    case 'select':
      return isOption(raw, target.field?.options ?? []) ? null : 'notOption';
    default:
      return raw.length > MAX_TEXT ? 'tooLong' : null;
  }
}

export function columnTargets(
  preview: ImportPreview,
  mode: 'new' | 'append',
  types: Record<string, ImportColumnType>,
  mapping: Record<string, string | null>,
  fields: readonly Field[],
): (ColumnTarget | null)[] {
  return preview.columns.map((c) => {
    if (mode === 'new') return { type: types[c.name] ?? c.type };
    const field = fields.find((f) => f.id === mapping[c.name]);
    if (!field || field.type === 'formula') return null;
    return { type: field.type, field };
  });
}

/** The server read every row for the detected type, so a column going into that type (or text) has no bad values. */
export function knownClean(detected: ImportColumnType, target: ColumnTarget): boolean {
  return target.type === 'text' || target.type === detected;
}

function previewHoldsWholeFile(preview: ImportPreview): boolean {
  return preview.rows.length + preview.badRows.length >= preview.rowCount;
}

/** One entry per preview row and column: why the cell will not convert, or null. */
export function cellFailures(preview: ImportPreview, targets: readonly (ColumnTarget | null)[]): (CellFailure | null)[][] {
  return preview.rows.map((row) => row.map((v, j) => {
    const target = targets[j];
    return target ? cellFailure(v, target) : null;
  }));
}

export interface BadRowSummary {
  count: number;
  /** False when only the preview rows could be checked: the file has more rows, not known to convert. */
  exact: boolean;
}

/**
 * Rows the commit will count as bad: the unreadable ones the server found, plus the rows with a value that will
 * not convert. Exact when every imported column is known clean or the preview holds the whole file.
 */
export function badRowSummary(preview: ImportPreview, targets: readonly (ColumnTarget | null)[]): BadRowSummary {
  const failures = cellFailures(preview, targets);
  const unreadable = preview.badRows.length;
  const converting = failures.filter((row) => row.some((f) => f !== null)).length;
  const wholeFileSeen = previewHoldsWholeFile(preview);
  const allClean = preview.columns.every((c, j) => {
    const target = targets[j];
    return !target || knownClean(c.type, target);
  });
  // The server lists at most 100 unreadable rows; more may follow.
  const unreadableExact = unreadable < 100;
  return { count: unreadable + converting, exact: unreadableExact && (allClean || wholeFileSeen) };
}

/** A note under a column: an i18n key and its parameters, or a text the server wrote in the user's language. */
export type ColumnNote = { key: string; params: Record<string, string> } | { text: string };

function firstFailing(preview: ImportPreview, j: number, target: ColumnTarget): string | undefined {
  for (const row of preview.rows) {
    const v = row[j] ?? null;
    if (cellFailure(v, target) !== null) return v ?? undefined;
  }
  return undefined;
}

/** A text column whose preview values are mostly dates: the server says why for numbers, not for dates. */
function notDateExample(preview: ImportPreview, j: number): string | undefined {
  const values = preview.rows.map((r) => r[j]).filter((v): v is string => v !== null && v !== undefined && v.trim() !== '');
  const dates = values.filter(isDate).length;
  if (dates === 0 || dates < values.length / 2) return undefined;
  return values.find((v) => !isDate(v));
}

/**
 * The notes under column `j`. New table, detected type kept: the server's notes (plus why a date column is text).
 * Another type picked, or appending to a field that is not text: the type the values go into, and that values that
 * do not convert make their rows bad.
 */
export function columnNotes(preview: ImportPreview, j: number, target: ColumnTarget | null, typeLabel: (type: string) => string): ColumnNote[] {
  const column = preview.columns[j];
  if (!column || !target) return [];
  const example = (v: string | undefined): Record<string, string> => (v === undefined ? {} : { example: v });
  if (target.field) {
    if (knownClean(column.type, target)) return target.type === 'text' ? [] : column.problems.map((text) => ({ text }));
    const bad = firstFailing(preview, j, target);
    if (bad === undefined && previewHoldsWholeFile(preview)) return [];
    return [{ key: bad === undefined ? 'import.fieldNote' : 'import.fieldNoteExample', params: { field: target.field.name, type: typeLabel(target.type), ...example(bad) } }];
  }
  if (target.type === column.type) {
    const notes: ColumnNote[] = column.problems.map((text) => ({ text }));
    const notDate = column.type === 'text' && notes.length === 0 ? notDateExample(preview, j) : undefined;
    if (notDate !== undefined) notes.push({ key: 'import.notDateSoText', params: { example: notDate } });
    return notes;
  }
  if (target.type === 'text') return [];
  const bad = firstFailing(preview, j, target);
  if (bad === undefined && previewHoldsWholeFile(preview)) return [];
  return [{ key: bad === undefined ? 'import.chosenNote' : 'import.chosenNoteExample', params: { type: typeLabel(target.type), ...example(bad) } }];
}
