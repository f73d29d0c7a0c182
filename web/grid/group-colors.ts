import type { CellValue, ErrorValue, Field } from '../api/types';

/** Soft chip colours; a group keeps its colour everywhere (grid, wizard, charts). */
export const PALETTE: readonly string[] = [
  '#dbeafe', '#dcfce7', '#fef3c7', '#fee2e2', '#ede9fe', '#cffafe', '#fce7f3', '#e0e7ff',
  '#d1fae5', '#ffedd5', '#f3e8ff', '#ecfccb',
];
export const UNCLASSIFIED_COLOR = '#e5e7eb';

export function isErrorValue(v: CellValue | undefined): v is ErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The declared groups (grouping column) or options (select) of a field, in order. */
export function groupsOf(field: Field): { value: string; color: string }[] {
  if (field.groups && field.groups.length > 0) return field.groups;
  if (field.type === 'select' && field.options) return field.options;
  return [];
}

/** Whether a field's values are shown as chips. */
export function isChipField(field: Field): boolean {
  return field.type === 'select' || (field.groups !== undefined && field.groups.length > 0);
}

/** The chip colour of a value in a field: its declared colour, else a stable colour from the palette. */
export function groupColor(field: Field, value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '' || isErrorValue(value)) return UNCLASSIFIED_COLOR;
  const text = String(value);
  const groups = groupsOf(field);
  const i = groups.findIndex((g) => g.value === text);
  if (i >= 0) return groups[i]?.color || PALETTE[i % PALETTE.length] || UNCLASSIFIED_COLOR;
  return PALETTE[hashString(text) % PALETTE.length] ?? UNCLASSIFIED_COLOR;
}

/** Dark or light text for a background colour (#rgb / #rrggbb; others get dark text). */
export function textColorFor(bg: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(bg.trim());
  if (!m || !m[1]) return '#1f2937';
  let hex = m[1];
  if (hex.length === 3) hex = hex.split('').map((c) => c + c).join('');
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance > 0.6 ? '#1f2937' : '#ffffff';
}
