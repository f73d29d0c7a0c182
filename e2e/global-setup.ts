import { existsSync } from 'node:fs';
import { ensureWebBuild } from '../server/web-build';
import { chromiumPath } from './browser';

// Fail fast, with the fix, when the machine has no Chromium; build the UI once for every test file.
export default async function setup(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Install Debian's package first: ` +
        '`sudo apt-get update && sudo apt-get install -y chromium` (or set SEGSHEET_CHROMIUM to its path).',
    );
  }
  await ensureWebBuild();
}
