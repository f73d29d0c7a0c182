// The edge of the server in real Chromium (server/http/edge-guard.ts): the app runs under its CSP with no
// violation (grid and charts, both languages); a page on another port cannot write to it (text/plain JSON, a
// form, a no-cors upload); a rebinding host name is refused.
import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Workbook } from '../common';
import { appAndBrowser, launchBrowser, openPage, screenshotDir, SLOW } from './browser';

const poll = { timeout: 30_000, interval: 200 };

/** Collects CSP violations (and console reports of them) from the page's first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

describe('the edge', () => {
  const env = appAndBrowser();

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`the app loads under its CSP with no violation: grid rows and drawn charts (${locale})`, async () => {
      const page = await openPage(env.browser, `edge-csp-${locale}`, locale);
      const violations = await watchCsp(page);
      const assets: { url: string; headers: Record<string, string> }[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/assets/')) assets.push({ url: r.url(), headers: r.headers() });
      });
      const doc = await page.goto(env.app.url);
      const headers = doc?.headers() ?? {};
      expect(headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');

      const grid = page.getByTestId('grid');
      await grid.locator('.ag-row').first().waitFor(SLOW);
      await expect.poll(() => grid.locator('.ag-row').count(), poll).toBeGreaterThan(1);
      await page.getByTestId('open-dashboard').click();
      await expect.poll(() => page.locator('[data-drawn="true"]').count(), poll).toBeGreaterThanOrEqual(3);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `edge-dashboard-${locale}.png`) });

      expect(assets.length).toBeGreaterThan(0);
      for (const a of assets) {
        expect(a.headers['x-content-type-options'], a.url).toBe('nosniff');
        expect(a.headers['content-security-policy'], a.url).toMatch(/frame-ancestors 'none'/);
      }
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  describe('a page on another port', () => {
    let attacker: Server;
    let attackerUrl: string;
    beforeAll(async () => {
      attacker = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>elsewhere</title><p>another site</p>');
      });
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    });

    test('cannot create workbooks, upload or undo: text/plain JSON, a no-cors blob, a form, a multipart upload', async () => {
      const before = await env.app.fetchJson<Workbook[]>('/api/workbooks');
      const target = before[0]!.id;
      const page = await openPage(env.browser, 'edge-csrf');
      await page.goto(attackerUrl);
      const attempts = await page.evaluate(async ({ app, workbookId }) => {
        const sent: string[] = [];
        const attempt = async (label: string, url: string, init: RequestInit): Promise<void> => {
          try {
            await fetch(app + url, { method: 'POST', mode: 'no-cors', ...init });
            sent.push(label);
          } catch (e) {
            sent.push(`${label}: ${String(e)}`);
          }
        };
        await attempt('text/plain', '/api/workbooks', { headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'pwned-text' }) });
        await attempt('blob', '/api/workbooks', { body: new Blob([JSON.stringify({ name: 'pwned-blob' })]) });
        const form = new FormData();
        form.append('file', new Blob(['name,amount\npwned,1\n']), 'pwned.csv');
        await attempt('upload', `/api/workbooks/${workbookId}/imports`, { body: form });
        await attempt('undo', `/api/workbooks/${workbookId}/undo`, {});
        return sent;
      }, { app: env.app.url, workbookId: target });
      // Each was sent; the 403 answers are opaque to the page (and CORP same-origin makes them network errors).
      expect(attempts.map((a) => a.split(':')[0])).toEqual(['text/plain', 'blob', 'upload', 'undo']);

      // A classic cross-site form (enctype text/plain can carry JSON), submitted as a page would.
      await page.setContent(`<form method="post" enctype="text/plain" action="${env.app.url}/api/workbooks">
        <input name='{"name":"pwned-form","x":"' value='"}'></form>`);
      const [answer] = await Promise.all([page.waitForNavigation(), page.locator('form').evaluate((f) => (f as HTMLFormElement).submit())]);
      expect(answer?.status()).toBe(403);
      expect(await page.textContent('body')).toContain('CROSS_SITE_WRITE');

      const after = await env.app.fetchJson<Workbook[]>('/api/workbooks');
      expect(after.map((w) => w.name)).toEqual(before.map((w) => w.name));
      expect(await readdir(path.join(env.app.dataDir, 'imports')).catch(() => [])).toEqual([]);
      await page.context().close();
    });
  });

  test('a rebinding host name (DNS pointing at 127.0.0.1) gets 403 HOST_NOT_ALLOWED, for the UI and the API', async () => {
    const port = new URL(env.app.url).port;
    const rebinding = await launchBrowser(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
    try {
      const page = await openPage(rebinding, 'edge-rebind', 'en');
      for (const where of ['/', '/api/workbooks']) {
        const res = await page.goto(`http://rebind.test:${port}${where}`);
        expect(res?.status(), where).toBe(403);
        expect(await res?.text()).toMatch(/HOST_NOT_ALLOWED.*SEGSHEET_ALLOWED_HOSTS/);
      }
    } finally {
      await rebinding.close();
    }
  });
});
