import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { projectRoot } from '../server/runtime-env';
import { startApp, type RunningApp } from './app-process';

export const chromiumPath = process.env.SEGSHEET_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(projectRoot, 'test-results');

/** `extraArgs`: more Chromium switches (edge.e2e.ts maps a host name to 127.0.0.1 with --host-resolver-rules). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** Opens a page in the given language; when the test fails, a full-page screenshot is kept in test-results/. */
export async function openPage(browser: Browser, name: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  onTestFailed(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot of the failed test: ${file}`);
  });
  return page;
}

/** Waits long enough for a shared, busy CI machine. */
export const SLOW = { timeout: 30_000 };

export interface AppAndBrowser {
  readonly app: RunningApp;
  readonly browser: Browser;
}

/** The started app (its own data folder) and a headless Chromium for the tests of the describe it is called in. */
export function appAndBrowser(): AppAndBrowser {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a later hook`);
    return value;
  };
  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}
