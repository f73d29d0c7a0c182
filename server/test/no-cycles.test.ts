// No import cycles among our files (server/, common/, formulas/, templates/, web/ with the <script> of .vue files).
// Type-only imports count too: none is needed to break a cycle today, and a cycle of types is still two files
// that cannot be understood (or moved) one without the other.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, importsOf, sourceFilesUnder } from './import-graph';
import type { ImportEdge } from './import-graph';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['server', 'common', 'formulas', 'templates', 'web'];
const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

describe('the import graph', () => {
  const files = sourceFilesUnder(ROOT, FOLDERS);
  const edges = files.flatMap(importsOf);

  it('reads our files, .vue scripts included', () => {
    const names = files.map(relative);
    expect(names).toContain('server/app.ts');
    expect(names.some((n) => n.startsWith('web/') && n.endsWith('.vue'))).toBe(true);
    const fromVue = edges.filter((e) => e.from.endsWith('.vue')).map((e) => relative(e.to));
    expect(fromVue.some((to) => to.startsWith('common/') || to.startsWith('web/'))).toBe(true);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('has no cycle', () => {
    const cycles = findCycles(edges).map((cycle) => cycle.map(relative).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('lets no service import a routes file: routes are mounted by app.ts alone', () => {
    const intoRoutes = edges
      .filter((e) => e.to.endsWith('.routes.ts') && !e.from.endsWith('.test.ts'))
      .map((e) => relative(e.from))
      .filter((from) => from !== 'server/app.ts');
    expect(intoRoutes).toEqual([]);
  });
});

describe('findCycles', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false });

  it('finds a cycle through several files and a file importing itself, once each', () => {
    const cycles = findCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd'), edge('e', 'e'), edge('d', 'f')]);
    expect(cycles.map((c) => c.join(' → ')).sort()).toEqual(['a → b → c → a', 'e → e']);
  });

  it('finds none in a graph where two files import the same one', () => {
    expect(findCycles([edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')])).toEqual([]);
  });

  it('names the shortest way round a tangle', () => {
    const [cycle] = findCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'a'), edge('b', 'a')]);
    expect(cycle).toEqual(['a', 'b', 'a']);
  });
});
