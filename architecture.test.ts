// The arrows between the parts (README.md "Parts and their arrows"): every import of every source file, type-only
// ones too, must point along one of them. A new arrow is a design decision: change ARROWS and the README together.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const PARTS = ['formulas', 'templates', 'common', 'server', 'web', 'e2e', 'bench'] as const;
type Part = (typeof PARTS)[number];

/** What each part may import of ours; tooling (browser tests, benchmarks) may import anything. */
const ARROWS: Record<Part, readonly Part[] | 'any'> = {
  formulas: [],
  templates: ['formulas'],
  common: ['formulas'],
  server: ['common', 'formulas', 'templates'],
  web: ['common', 'formulas', 'templates'],
  e2e: 'any',
  bench: 'any',
};

/** Web tests that drive the web's stores and client against a real server start it with the server's harness. */
function isAllowedException(from: string, to: string): boolean {
  return from.startsWith('web/') && /\.test\.ts$/.test(from) && to.startsWith('server/test/');
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? '');
}

function partOf(relative: string): Part | undefined {
  const top = relative.split('/')[0];
  return PARTS.find((p) => p === top);
}

interface Violation {
  file: string;
  imports: string;
}

/** The imports of `file` (relative to the root) that leave its part along no arrow. */
function violationsOf(file: string, source: string): Violation[] {
  const from = partOf(file);
  if (from === undefined) return [];
  const allowed = ARROWS[from];
  if (allowed === 'any') return [];
  const out: Violation[] = [];
  for (const spec of importsOf(source)) {
    if (!spec.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const to = partOf(target);
    if (to === undefined || to === from || allowed.includes(to) || isAllowedException(file, target)) continue;
    out.push({ file, imports: target });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(relative));
    } else if (/\.(ts|vue)$/.test(entry.name)) {
      out.push(relative);
    }
  }
  return out;
}

describe('the arrows between the parts', () => {
  it('finds a wrong arrow, type-only and dynamic imports too', () => {
    expect(violationsOf('web/stores/x.ts', "import type { Chart } from '../../server/wire';")).toEqual([{ file: 'web/stores/x.ts', imports: 'server/wire' }]);
    expect(violationsOf('server/a.ts', "const m = await import('../web/main');")).toEqual([{ file: 'server/a.ts', imports: 'web/main' }]);
    expect(violationsOf('common/x.ts', "export { a } from '../templates';")).toHaveLength(1);
    expect(violationsOf('formulas/eval/x.ts', "import '../../common';")).toHaveLength(1);
    expect(violationsOf('web/x.vue', "<script setup lang=\"ts\">\nimport { readCellText } from '../common';\n</script>")).toEqual([]);
    expect(violationsOf('web/stores/x.test.ts', "import { openHarness } from '../../server/test/harness';")).toEqual([]);
    expect(violationsOf('web/stores/x.ts', "import { openHarness } from '../../server/test/harness';")).toHaveLength(1);
  });

  it('holds for every source file', () => {
    const files = PARTS.flatMap((p) => sourceFiles(p));
    expect(files.length).toBeGreaterThan(300);
    const violations = files.flatMap((f) => violationsOf(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(violations).toEqual([]);
  });
});
