import type { CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, Column } from 'ag-grid-community';
import type { CellValue } from '../api/types';
import { type Bounds, boundsOf, type CellPos, type CellRange, inBounds } from '../grid/range';
import { useGridStore } from '../stores/grid';
import { useSelectionStore } from '../stores/selection';

const MAX_STATS_CELLS = 200_000;

/**
 * Excel-like cell range selection on AG Grid Community (which has no range module): click, shift+click,
 * drag, and shift+arrows extend a rectangle of displayed rows and columns.
 */
export function useGridSelection() {
  const grid = useGridStore();
  const sel = useSelectionStore();
  let range: CellRange | null = null;
  let bounds: Bounds | null = null;
  let shiftHeld = false;
  let dragging = false;
  /** Shift state of the last navigation key (AG Grid reports the focus change after the key is released). */
  let navShift = false;
  let navAt = 0;
  /** The mouse button as it is now (AG Grid's cell events arrive after the DOM events, sometimes after mouseup). */
  let mouseIsDown = false;
  let mouseAt = 0;
  sel.onRecompute(() => updateStats());

  function displayedColIds(): string[] {
    return grid.api?.getAllDisplayedColumns().map((c) => c.getColId()) ?? [];
  }
  function colIndex(column: Column | string | null | undefined): number {
    if (!column) return -1;
    const id = typeof column === 'string' ? column : column.getColId();
    return displayedColIds().indexOf(id);
  }

  function set(r: CellRange | null): void {
    const wasMulti = bounds !== null && (bounds.top !== bounds.bottom || bounds.left !== bounds.right);
    range = r;
    bounds = r ? boundsOf(r) : null;
    sel.setBounds(bounds);
    const isMulti = bounds !== null && (bounds.top !== bounds.bottom || bounds.left !== bounds.right);
    if (wasMulti || isMulti) grid.api?.refreshCells();
    updateStats();
  }

  function updateStats(): void {
    const g = grid.api;
    if (!g || !bounds) {
      sel.set([]);
      return;
    }
    const cols = displayedColIds().slice(bounds.left, bounds.right + 1);
    const values: CellValue[] = [];
    for (let r = bounds.top; r <= bounds.bottom && values.length < MAX_STATS_CELLS; r++) {
      const data = g.getDisplayedRowAtIndex(r)?.data;
      if (!data) continue;
      for (const c of cols) values.push(data.cells[c] ?? null);
    }
    sel.set(values);
  }

  function moveTo(pos: CellPos, extend: boolean): void {
    if (extend && range) set({ anchor: range.anchor, focus: pos });
    else set({ anchor: pos, focus: pos });
  }

  return {
    /** For cellClassRules: whether a cell is inside a multi-cell selection. */
    isSelected(rowIndex: number | null, colId: string | undefined): boolean {
      if (!bounds || rowIndex === null || !colId) return false;
      if (bounds.top === bounds.bottom && bounds.left === bounds.right) return false;
      return inBounds(bounds, rowIndex, displayedColIds().indexOf(colId));
    },
    bounds: () => bounds,
    range: () => range,
    /** The selected field ids (displayed order) within the bounds. */
    colIdsIn: (b: Bounds) => displayedColIds().slice(b.left, b.right + 1),
    displayedColIds,
    clear: () => set(null),
    refreshStats: updateStats,
    onCellFocused(e: CellFocusedEvent): void {
      if (e.rowIndex === null || e.rowPinned) return;
      const col = colIndex(e.column);
      if (col < 0) return;
      if (dragging) return;
      if (range && range.focus.row === e.rowIndex && range.focus.col === col) return;
      const byKey = Date.now() - navAt < 1000;
      // A focus change made by the mouse is handled by onCellMouseDown (with the click's own shift key).
      if (!byKey && Date.now() - mouseAt < 1000) return;
      moveTo({ row: e.rowIndex, col }, byKey ? navShift : shiftHeld);
    },
    onCellMouseDown(e: CellMouseDownEvent): void {
      const me = e.event as MouseEvent | null | undefined;
      if (e.rowIndex === null || (me && me.button !== 0)) return;
      const col = colIndex(e.column);
      if (col < 0) return;
      shiftHeld = me?.shiftKey ?? false;
      navAt = 0;
      dragging = mouseIsDown;
      moveTo({ row: e.rowIndex, col }, shiftHeld);
    },
    onCellMouseOver(e: CellMouseOverEvent): void {
      const me = e.event as MouseEvent | null | undefined;
      if (me && (me.buttons & 1) === 0) dragging = false;
      if (!dragging || !range || e.rowIndex === null) return;
      const col = colIndex(e.column);
      if (col >= 0) set({ anchor: range.anchor, focus: { row: e.rowIndex, col } });
    },
    onMouseDown(): void {
      mouseIsDown = true;
      mouseAt = Date.now();
      navAt = 0;
    },
    onMouseUp(): void {
      mouseIsDown = false;
      dragging = false;
    },
    onKey(e: KeyboardEvent): void {
      shiftHeld = e.shiftKey;
      if (e.type === 'keydown' && /^(Arrow|Page|Home|End|Tab|Enter)/.test(e.key)) {
        navShift = e.shiftKey && e.key.startsWith('Arrow');
        navAt = Date.now();
      }
    },
  };
}

export type GridSelection = ReturnType<typeof useGridSelection>;
