// What the browser benchmark does inside the page. The timed code runs in the page itself (performance.now and
// requestAnimationFrame) so Playwright's round trips are not in the figures. The code is sent as strings: a
// function passed to page.evaluate would carry the TypeScript loader's helpers with it.
import type { Page } from 'playwright-core';

const LIMIT_MS = 30_000;

/** The cell of a row index and a field in the grid's centre (JSON-quoted for the page). */
export function cellExpr(rowIndex: number | string, fieldId: string): string {
  return `document.querySelector('[data-testid="grid"] .ag-row[row-index="' + (${rowIndex}) + '"] .ag-cell[col-id=${JSON.stringify(fieldId)}]')`;
}

/**
 * Runs `action` in the page and resolves with the milliseconds until `check` is true, polled each frame;
 * -1 when it is not true within 30 s.
 */
export async function timeInPage(page: Page, action: string, check: string): Promise<number> {
  const script = `new Promise((resolve) => {
    const ok = () => { try { return !!(${check}); } catch (e) { return false; } };
    const t0 = performance.now();
    ${action};
    const tick = () => {
      const now = performance.now();
      if (ok()) resolve(now - t0);
      else if (now - t0 > ${LIMIT_MS}) resolve(-1);
      else requestAnimationFrame(tick);
    };
    tick();
  })`;
  const ms: unknown = await page.evaluate(script);
  return typeof ms === 'number' ? ms : -1;
}

/** Click on the sidebar tab of a table (by its name). */
export function clickTab(name: string): string {
  return `[...document.querySelectorAll('[data-testid="table-tab"]')].find((b) => b.textContent.trim() === ${JSON.stringify(name)}).click()`;
}

/** True when the grid shows row 0 with the expected text in the given field. */
export function rowShows(rowIndex: number, fieldId: string, expected: string): string {
  return `(${cellExpr(rowIndex, fieldId)})?.textContent.trim() === ${JSON.stringify(expected)}`;
}

/** Scroll the grid's body to a fraction of its height (as dragging the scroll bar does). */
export function scrollTo(fraction: number): string {
  return `(() => { const v = document.querySelector('[data-testid="grid"] .ag-grid-viewport'); v.scrollTop = (v.scrollHeight - v.clientHeight) * ${fraction}; })()`;
}

/**
 * True when at least 10 rows beyond `minIndex` are inside the viewport and each shows its own customer name
 * (C + row number), i.e. the rows are loaded and are the right ones.
 */
export function middleRowsShown(nameFieldId: string, minIndex: number): string {
  return `(() => {
    const v = document.querySelector('[data-testid="grid"] .ag-grid-viewport').getBoundingClientRect();
    let shown = 0;
    for (const row of document.querySelectorAll('[data-testid="grid"] .ag-grid-scrolling-rows .ag-row')) {
      const i = Number(row.getAttribute('row-index'));
      const r = row.getBoundingClientRect();
      if (!(i > ${minIndex}) || r.bottom <= v.top || r.top >= v.bottom) continue;
      const cell = row.querySelector('.ag-cell[col-id=${JSON.stringify(nameFieldId)}]');
      if (!cell || cell.textContent.trim() !== 'C' + String(i + 1).padStart(7, '0')) return false;
      shown++;
    }
    return shown >= 10;
  })()`;
}

/** The text of a cell without digit grouping (12,000 → 12000). */
export function cellNumberIs(rowIndex: number, fieldId: string, value: number): string {
  return `(${cellExpr(rowIndex, fieldId)})?.textContent.replace(/[,\\s\\u00a0]/g, '') === ${JSON.stringify(String(value))}`;
}

/** Resolves when a check is true in the page (polled each frame). */
export async function waitInPage(page: Page, check: string): Promise<void> {
  await page.waitForFunction(check, undefined, { polling: 'raf', timeout: LIMIT_MS });
}

/**
 * Arms a probe that notes the time of the next Enter key (capture phase, before the grid ends the edit) and the
 * first frame after it in which `check` is true; `probeResult` reads the difference.
 */
export async function armEnterProbe(page: Page, check: string): Promise<void> {
  await page.evaluate(`(() => {
    const probe = { t0: 0, ms: 0 };
    window.__benchProbe = probe;
    const ok = () => { try { return !!(${check}); } catch (e) { return false; } };
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || probe.t0) return;
      probe.t0 = performance.now();
      const tick = () => {
        const now = performance.now();
        if (ok()) probe.ms = now - probe.t0;
        else if (now - probe.t0 > ${LIMIT_MS}) probe.ms = -1;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  })()`);
}

export async function probeResult(page: Page): Promise<number> {
  await page.waitForFunction('window.__benchProbe && window.__benchProbe.ms !== 0', undefined, { timeout: LIMIT_MS + 5000 });
  const ms: unknown = await page.evaluate('window.__benchProbe.ms');
  return typeof ms === 'number' ? ms : -1;
}
