import type { IHeaderParams, IInnerHeaderComponent } from 'ag-grid-community';

export interface FieldHeaderParams {
  isFormula: boolean;
  isGrouping: boolean;
  menuLabel: string;
  onMenu: (fieldId: string, anchor: HTMLElement) => void;
}

/**
 * The inside of a column header (AG Grid keeps sorting and the filter button): an ƒ mark on formula
 * columns, the field name, and a ▾ button opening the field menu. Plain DOM, no framework needed.
 */
export class FieldHeaderInner implements IInnerHeaderComponent {
  private gui = document.createElement('span');
  private label = document.createElement('span');
  private button = document.createElement('button');

  init(params: IHeaderParams & FieldHeaderParams): void {
    this.gui.className = 'ss-header';
    if (params.isFormula) {
      const f = document.createElement('span');
      f.className = 'formula-mark';
      f.textContent = 'ƒ';
      f.setAttribute('aria-hidden', 'true');
      this.gui.append(f);
    }
    this.label.className = 'ss-header-name';
    this.gui.append(this.label);
    this.button.type = 'button';
    this.button.className = 'ss-header-menu';
    this.button.textContent = '▾';
    this.button.dataset.testid = 'field-menu-button';
    this.button.addEventListener('click', (e) => {
      e.stopPropagation();
      e.preventDefault();
      params.onMenu(params.column.getColId(), this.button);
    });
    this.button.addEventListener('mousedown', (e) => e.stopPropagation());
    this.gui.append(this.button);
    this.gui.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      params.onMenu(params.column.getColId(), this.button);
    });
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: IHeaderParams & Partial<FieldHeaderParams>): boolean {
    this.label.textContent = params.displayName;
    this.button.title = params.menuLabel ?? '';
    this.button.setAttribute('aria-label', `${params.menuLabel ?? ''} ${params.displayName}`);
    return true;
  }
}
