import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './runtime-env';

export const webBuildDir = path.join(projectRoot, 'dist', 'web');

/** What the browser bundle is made from: a change to any of these makes the build stale. */
const sourceRoots = ['web', 'common', 'formulas', 'templates', 'vite.config.ts', 'package.json'];
const ignoredDirs = new Set(['node_modules', 'e2e']);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.isDirectory() && ignoredDirs.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function isWebBuildStale(): boolean {
  const builtIndex = path.join(webBuildDir, 'index.html');
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sourceRoots.some((root) => newestMtime(path.join(projectRoot, root)) > builtAt);
}

/** Builds the web app with Vite when the build is missing or older than its sources. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  if (!isWebBuildStale()) return;
  log('Building the web app (正在构建前端)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  log('Web app built.');
}
