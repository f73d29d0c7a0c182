import type { IDoesFilterPassParams, IFilterComp, IFilterParams } from 'ag-grid-community';
import type { CellValue, Field } from '../api/types';
import { textColorFor } from './group-colors';

export interface GroupFilterParams {
  groups: { value: string; color: string }[];
  /** Label of the entry for blank/error cells (null in the model); see emptyEntryLabel. */
  emptyLabel: string;
  allLabel: string;
}

/**
 * What the filter calls empty cells: a grouping column's blanks and errors are its "Unclassified" group; a
 * select column's are just blank (it has no groups, only options).
 */
export function emptyEntryLabel(field: Pick<Field, 'type'>, labels: { unclassified: string; blankValue?: string }): string {
  return field.type === 'select' ? (labels.blankValue ?? labels.unclassified) : labels.unclassified;
}

export interface GroupFilterModel {
  filterType: 'set';
  values: (string | null)[];
}

/**
 * A filter listing a grouping/select column's groups as chips with checkboxes (Community has no set
 * filter). The model is {filterType:'set', values}, sent to the server as an `in` condition.
 */
export class GroupFilter implements IFilterComp {
  private gui = document.createElement('div');
  private selected = new Set<string | null>();
  private params: (IFilterParams & GroupFilterParams) | null = null;
  private boxes: { value: string | null; input: HTMLInputElement }[] = [];

  init(params: IFilterParams & GroupFilterParams): void {
    this.params = params;
    this.gui.className = 'ss-group-filter';
    this.gui.dataset.testid = 'group-filter';
    const all: { value: string | null; label: string; color: string }[] = [
      ...params.groups.map((g) => ({ value: g.value, label: g.value, color: g.color })),
      { value: null, label: params.emptyLabel, color: '#e5e7eb' },
    ];
    for (const g of all) {
      const row = document.createElement('label');
      row.className = 'ss-group-filter-row';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.addEventListener('change', () => {
        if (input.checked) this.selected.add(g.value);
        else this.selected.delete(g.value);
        params.filterChangedCallback();
      });
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.textContent = g.label;
      chip.style.background = g.color;
      chip.style.color = textColorFor(g.color);
      row.append(input, chip);
      this.gui.append(row);
      this.boxes.push({ value: g.value, input });
    }
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  isFilterActive(): boolean {
    return this.selected.size > 0;
  }

  doesFilterPass(p: IDoesFilterPassParams): boolean {
    const v = this.params?.getValue(p.node) as CellValue | undefined;
    const key = v === null || v === undefined || typeof v === 'object' ? null : String(v);
    return this.selected.has(key);
  }

  getModel(): GroupFilterModel | null {
    return this.selected.size ? { filterType: 'set', values: [...this.selected] } : null;
  }

  setModel(model: GroupFilterModel | null): void {
    this.selected = new Set(model?.values ?? []);
    for (const b of this.boxes) b.input.checked = this.selected.has(b.value);
  }
}
