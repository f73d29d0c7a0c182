import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { textColorFor } from './group-colors';

export interface ChipSelectParams {
  options: { value: string; color: string }[];
  /** Label of the "clear the cell" entry. */
  blankLabel: string;
}

/**
 * A select editor that shows the options as coloured chips (Community has no rich select): type to filter,
 * ↑/↓ to move, Enter or click to choose, Escape to cancel.
 */
export class ChipSelectEditor implements ICellEditorComp {
  private gui = document.createElement('div');
  private input = document.createElement('input');
  private list = document.createElement('div');
  private value: string | null = null;
  private active = 0;
  private shown: (string | null)[] = [];
  private params: (ICellEditorParams & ChipSelectParams) | null = null;

  init(params: ICellEditorParams & ChipSelectParams): void {
    this.params = params;
    this.value = typeof params.value === 'string' ? params.value : null;
    this.gui.className = 'ss-chip-editor';
    this.gui.dataset.testid = 'chip-select-editor';
    this.input.className = 'ss-chip-editor-input';
    this.input.value = params.eventKey && params.eventKey.length === 1 ? params.eventKey : '';
    this.list.className = 'ss-chip-editor-list';
    this.list.setAttribute('role', 'listbox');
    this.gui.append(this.input, this.list);
    this.input.addEventListener('input', () => this.render());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.render();
    const i = this.shown.indexOf(this.value);
    if (i >= 0) this.setActive(i);
  }

  private render(): void {
    const p = this.params;
    if (!p) return;
    const q = this.input.value.trim().toLowerCase();
    this.shown = [null, ...p.options.map((o) => o.value)].filter((v) => v === null ? q === '' : v.toLowerCase().includes(q));
    this.list.replaceChildren(
      ...this.shown.map((v, i) => {
        const item = document.createElement('div');
        item.className = 'ss-chip-editor-item';
        item.setAttribute('role', 'option');
        const chip = document.createElement('span');
        if (v === null) {
          chip.textContent = p.blankLabel;
          chip.className = 'ss-chip-editor-blank';
        } else {
          const color = p.options.find((o) => o.value === v)?.color ?? '#e5e7eb';
          chip.className = 'chip';
          chip.textContent = v;
          chip.style.background = color;
          chip.style.color = textColorFor(color);
        }
        item.append(chip);
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.choose(i);
        });
        return item;
      }),
    );
    this.setActive(Math.min(this.active, Math.max(0, this.shown.length - 1)));
  }

  private setActive(i: number): void {
    this.active = i;
    [...this.list.children].forEach((el, j) => {
      el.classList.toggle('active', j === i);
      el.setAttribute('aria-selected', String(j === i));
      if (j === i) (el as HTMLElement).scrollIntoView?.({ block: 'nearest' });
    });
  }

  private choose(i: number): void {
    if (i < 0 || i >= this.shown.length) return;
    this.value = this.shown[i] ?? null;
    this.params?.stopEditing();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const n = this.shown.length;
      if (n) this.setActive((this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      if (this.shown.length) this.value = this.shown[this.active] ?? null;
    }
  }

  getGui(): HTMLElement {
    return this.gui;
  }
  afterGuiAttached(): void {
    this.input.focus();
  }
  getValue(): string | null {
    return this.value;
  }
  isPopup(): boolean {
    return true;
  }
}
