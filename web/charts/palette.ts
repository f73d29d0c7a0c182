// One colour per group, identical to the grid's chips (web/components/grid/group-colors.ts; palette.test.ts
// checks they agree). A declared group takes its own colour, else the palette colour of its position among
// the declared groups; an undeclared value takes a palette colour from a hash of its text (stable when counts
// change); blank and errors take the "unclassified" grey.
import type { CellValue, ErrorCellValue, Field } from '../../common';

export const PALETTE: readonly string[] = [
  '#dbeafe', '#dcfce7', '#fef3c7', '#fee2e2', '#ede9fe', '#cffafe', '#fce7f3', '#e0e7ff',
  '#d1fae5', '#ffedd5', '#f3e8ff', '#ecfccb',
];
export const UNCLASSIFIED_COLOR = '#e5e7eb';
/** Outline of error groups: the grid's error text colour. */
export const ERROR_OUTLINE = '#b91c1c';

export function isErrorValue(v: CellValue | undefined): v is ErrorCellValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function isBlankValue(v: CellValue | undefined): v is null | '' | undefined {
  return v === null || v === undefined || v === '';
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The palette colour at a position (wraps around). */
export function paletteColor(index: number): string {
  const n = PALETTE.length;
  return PALETTE[((index % n) + n) % n] ?? UNCLASSIFIED_COLOR;
}

/** The palette colour of an undeclared value, from its text. */
export function hashedColor(text: string): string {
  return paletteColor(hashString(text));
}

/** The declared groups (grouping column) or options (select) of a field, in order. */
export function declaredGroups(field: Field | undefined): { value: string; color: string; action?: string; description?: string }[] {
  if (!field) return [];
  if (field.groups && field.groups.length > 0) return field.groups;
  if (field.type === 'select' && field.options) return field.options;
  return [];
}

/** The chip colour of a value in a field. */
export function groupColor(field: Field | undefined, value: CellValue | undefined): string {
  if (isBlankValue(value) || isErrorValue(value)) return UNCLASSIFIED_COLOR;
  const text = String(value);
  const groups = declaredGroups(field);
  const i = groups.findIndex((g) => g.value === text);
  if (i >= 0) return groups[i]?.color || paletteColor(i);
  return hashedColor(text);
}

function parseHex(color: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m || !m[1]) return null;
  const hex = m[1].length === 3 ? m[1].split('').map((c) => c + c).join('') : m[1];
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** A darker shade of a colour, for outlines that keep pale chip colours visible on a projector. */
export function outlineFor(color: string, amount = 0.45): string {
  const rgb = parseHex(color);
  if (!rgb) return '#475569';
  const hex = rgb.map((c) => Math.round(c * (1 - amount)).toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}

/** Dark or light text for a background colour. */
export function textColorFor(bg: string): string {
  const rgb = parseHex(bg);
  if (!rgb) return '#1f2937';
  const luminance = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
  return luminance > 0.6 ? '#1f2937' : '#ffffff';
}
