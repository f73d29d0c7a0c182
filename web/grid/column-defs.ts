import type { ColDef, ICellRendererParams, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import type { CellValue, Field, Row } from '../api/types';
import { displayType, formatCell } from './format';
import { type ParseFailure, type Parsed, parseCellText } from './parse-cell';
import { groupColor, groupsOf, isChipField, isErrorValue, textColorFor } from './group-colors';
import { emptyEntryLabel } from './group-filter';

export interface ColumnContext {
  locale: string;
  /** Label of blank/error cells in a grouping column. */
  unclassified: string;
  /** Label of blank cells in a select column's filter. */
  blankValue?: string;
  formulaTitle: string;
  menuLabel?: string;
  allLabel?: string;
  /** Whether a cell is inside the multi-cell selection (drawn with a class). */
  isSelected?: (rowIndex: number | null, colId: string | undefined) => boolean;
  /** Header inner component and the field menu it opens. */
  headerComponent?: unknown;
  onHeaderMenu?: (fieldId: string, anchor: HTMLElement) => void;
  /** Filter component for grouping/select columns. */
  groupFilter?: unknown;
  /** Editor of select cells (chips), and the label of its "empty" entry. */
  selectEditor?: unknown;
  blankLabel?: string;
  /** Typed text the field cannot take: the cell keeps its value and the grid says why. */
  onRefused?: (refusal: TypedRefusal) => void;
  /** Why the last text typed into a cell was refused, while that is shown (the cell is marked). */
  refusedAt?: (rowId: string, fieldId: string) => string | undefined;
  /** A cell took a typed value. */
  onAccepted?: (rowId: string, fieldId: string) => void;
}

export interface TypedRefusal {
  field: Field;
  row: Row;
  /** The row's place in the grid's view, 0-based (null when not displayed). */
  rowIndex: number | null;
  text: string;
  reason: ParseFailure;
}

export function cellOf(row: Row | undefined, fieldId: string): CellValue {
  return row?.cells[fieldId] ?? null;
}

/**
 * What an AG Grid editor gives back → a cell value of the field's type, or why not. Text (the number, text and
 * date editors give text) is read as a paste is (parseCellText); the checkbox editor gives booleans.
 */
export function editorValueToCell(field: Field, v: unknown): Parsed {
  if (v === undefined || v === null || v === '') return { ok: true, value: null };
  if (typeof v === 'boolean' && field.type === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number' && field.type === 'number' && Number.isFinite(v)) return { ok: true, value: v };
  if (v instanceof Date && field.type === 'date') return { ok: true, value: v.toISOString().slice(0, 10) };
  return parseCellText(field, String(v));
}

function editorFor(field: Field, ctx: ColumnContext): Pick<ColDef<Row>, 'cellEditor' | 'cellEditorParams' | 'editable' | 'cellEditorPopup'> {
  switch (field.type) {
    case 'formula':
      return { editable: false };
    case 'number':
      // A text editor: the number editor's <input type=number> drops "abc", "12%" or "1.2万" without a word.
      return { editable: true, cellEditor: 'agTextCellEditor' };
    case 'date':
      return { editable: true, cellEditor: 'agDateStringCellEditor' };
    case 'boolean':
      return { editable: true, cellEditor: 'agCheckboxCellEditor' };
    case 'select':
      if (ctx.selectEditor) {
        return { editable: true, cellEditor: ctx.selectEditor, cellEditorPopup: true, cellEditorParams: { options: field.options ?? [], blankLabel: ctx.blankLabel ?? '' } };
      }
      return {
        editable: true,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['', ...(field.options ?? []).map((o) => o.value)] },
      };
    default:
      return { editable: true, cellEditor: 'agTextCellEditor' };
  }
}

function filterFor(field: Field): ColDef<Row>['filter'] {
  const t = displayType(field);
  if (t === 'number') return 'agNumberColumnFilter';
  if (t === 'date') return 'agDateColumnFilter';
  if (t === 'boolean') return false;
  return 'agTextColumnFilter';
}

const TEXT_FILTER_OPTIONS = ['contains', 'notContains', 'equals', 'notEqual', 'blank', 'notBlank'];
const NUMBER_FILTER_OPTIONS = [
  'equals', 'notEqual', 'greaterThan', 'greaterThanOrEqual', 'lessThan', 'lessThanOrEqual', 'inRange', 'blank', 'notBlank',
];
const DATE_FILTER_OPTIONS = ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'];

function filterParamsFor(field: Field): Record<string, unknown> {
  const t = displayType(field);
  const filterOptions = t === 'number' ? NUMBER_FILTER_OPTIONS : t === 'date' ? DATE_FILTER_OPTIONS : TEXT_FILTER_OPTIONS;
  return { filterOptions, maxNumConditions: 1, buttons: ['apply', 'reset'], closeOnApply: true };
}

/** A chip element for a grouping/select value (blank and errors are the "unclassified" chip). */
export function chipHtml(field: Field, value: CellValue, ctx: ColumnContext): { text: string; bg: string; fg: string } {
  const unclassified = value === null || value === '' || isErrorValue(value);
  const text = unclassified && groupsOf(field).length > 0 && field.type !== 'select' ? ctx.unclassified : formatCell(field, value, ctx.locale);
  const bg = groupColor(field, value);
  return { text, bg, fg: textColorFor(bg) };
}

function chipRenderer(field: Field, ctx: ColumnContext) {
  return (p: ICellRendererParams<Row, CellValue>): HTMLElement | string => {
    const value = p.value ?? null;
    if (field.type === 'select' && (value === null || value === '')) return '';
    const { text, bg, fg } = chipHtml(field, value, ctx);
    const span = document.createElement('span');
    span.className = 'chip';
    span.textContent = text;
    span.style.background = bg;
    span.style.color = fg;
    if (isErrorValue(value) && value.message) span.title = value.message;
    return span;
  };
}

export function buildColumnDef(field: Field, ctx: ColumnContext): ColDef<Row> {
  const t = displayType(field);
  const def: ColDef<Row> = {
    colId: field.id,
    headerName: field.name,
    headerTooltip: field.description || (field.type === 'formula' ? `${ctx.formulaTitle}: ${field.formula ?? ''}` : undefined),
    headerClass: field.type === 'formula' ? 'ss-formula-header' : undefined,
    hide: field.hidden === true,
    sortable: true,
    resizable: true,
    valueGetter: (p: ValueGetterParams<Row>) => cellOf(p.data, field.id),
    valueSetter: (p: ValueSetterParams<Row>) => {
      const row = p.data;
      if (!row) return false;
      const parsed = editorValueToCell(field, p.newValue);
      if (!parsed.ok) {
        ctx.onRefused?.({ field, row, rowIndex: p.node?.rowIndex ?? null, text: String(p.newValue), reason: parsed.reason });
        return false;
      }
      ctx.onAccepted?.(row.id, field.id);
      // The same value again is no change: nothing to save, nothing to undo.
      if (parsed.value === (row.cells[field.id] ?? null)) return false;
      row.cells[field.id] = parsed.value;
      return true;
    },
    valueFormatter: (p: ValueFormatterParams<Row, CellValue>) => formatCell(field, p.value ?? null, ctx.locale),
    filter: filterFor(field),
    filterParams: filterParamsFor(field),
    cellClassRules: {
      'cell-error': (p) => isErrorValue(p.value as CellValue),
      'ss-formula-cell': () => field.type === 'formula',
      'ss-selected': (p) => ctx.isSelected?.(p.node.rowIndex, p.colDef.colId) ?? false,
      'ss-refused': (p) => p.data !== undefined && ctx.refusedAt?.(p.data.id, field.id) !== undefined,
    },
    tooltipValueGetter: (p) => {
      const refused = p.data ? ctx.refusedAt?.(p.data.id, field.id) : undefined;
      if (refused !== undefined) return refused;
      const v = p.value as CellValue;
      return isErrorValue(v) ? (v.message ?? v.error) : undefined;
    },
    ...editorFor(field, ctx),
  };
  if (t === 'number') def.type = 'rightAligned';
  if (ctx.headerComponent) {
    def.headerComponentParams = {
      innerHeaderComponent: ctx.headerComponent,
      innerHeaderComponentParams: {
        isFormula: field.type === 'formula',
        isGrouping: isChipField(field),
        menuLabel: ctx.menuLabel ?? '',
        onMenu: ctx.onHeaderMenu ?? (() => undefined),
      },
    };
  }
  if (isChipField(field) && ctx.groupFilter) {
    def.filter = ctx.groupFilter;
    def.filterParams = { groups: groupsOf(field), emptyLabel: emptyEntryLabel(field, ctx), allLabel: ctx.allLabel ?? '' };
  }
  if (isChipField(field)) def.cellRenderer = chipRenderer(field, ctx);
  else if (field.type === 'boolean') def.cellRenderer = 'agCheckboxCellRenderer';
  return def;
}

/** The field whose column stays pinned on the left, so a row stays identifiable when scrolling right. */
export function pinnedFieldId(fields: readonly Field[]): string | undefined {
  return fields.find((f) => !f.hidden && f.type !== 'formula')?.id;
}

export function buildColumnDefs(fields: readonly Field[], ctx: ColumnContext): ColDef<Row>[] {
  const pinned = pinnedFieldId(fields);
  // lockPinned: only the first field is pinned, by its place; dragging can't pin or unpin columns.
  return fields.map((f) => ({ ...buildColumnDef(f, ctx), pinned: f.id === pinned ? 'left' : null, lockPinned: true }));
}
