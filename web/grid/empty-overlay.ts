import type { IOverlayComp, IOverlayParams, OverlaySelectorResult } from 'ag-grid-community';

/** Whether the rows shown are narrowed by the search box or a column filter. */
export function isViewFiltered(search: string | undefined, filterModel: Record<string, unknown> | null | undefined): boolean {
  return !!search?.trim() || Object.keys(filterModel ?? {}).length > 0;
}

export interface EmptyOverlayParams {
  text: string;
  /** Shown as a button under the text when the view is filtered. */
  clearLabel?: string;
  onClear?: () => void;
}

export interface EmptyOverlayTexts {
  noRows: string;
  noMatch: string;
  clearFilters: string;
}

/**
 * Which empty-table message to show. AG Grid only knows about its own column filters, and the search
 * box filters on the server, so the choice is ours: a filtered view that is empty means "no rows match",
 * with a way back; only an unfiltered empty table gets the "paste or import" hint.
 */
export function emptyOverlayParams(filtered: boolean, texts: EmptyOverlayTexts, onClear: () => void): EmptyOverlayParams {
  return filtered ? { text: texts.noMatch, clearLabel: texts.clearFilters, onClear } : { text: texts.noRows };
}

/** An `overlayComponentSelector` that draws both empty-table overlays with our component. */
export function emptyOverlaySelector(params: () => EmptyOverlayParams) {
  return (p: IOverlayParams): OverlaySelectorResult | undefined =>
    p.overlayType === 'noRows' || p.overlayType === 'noMatchingRows' ? { component: EmptyRowsOverlay, params: params() } : undefined;
}

/** The empty-table overlay: a message, and a "clear filters" button when the view is filtered. Plain DOM. */
export class EmptyRowsOverlay implements IOverlayComp {
  private gui = document.createElement('div');

  init(params: IOverlayParams & EmptyOverlayParams): void {
    this.gui.className = 'ss-empty-overlay';
    this.gui.dataset.testid = 'empty-overlay';
    const text = document.createElement('p');
    text.textContent = params.text;
    this.gui.append(text);
    const onClear = params.onClear;
    if (params.clearLabel && onClear) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'primary';
      button.dataset.testid = 'overlay-clear-filters';
      button.textContent = params.clearLabel;
      button.addEventListener('click', () => onClear());
      this.gui.append(button);
    }
  }

  getGui(): HTMLElement {
    return this.gui;
  }
}
