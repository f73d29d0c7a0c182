// Every transaction of the app goes through `transact` (features/recompute/column-cache.ts): a Kysely
// `.transaction()` opened anywhere else would leave the column cache unsure whether what it changed committed.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFilesUnder } from './import-graph';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HELPER = 'server/features/recompute/column-cache.ts';

/** Lines of `text` that open a Kysely transaction: `x.transaction()` (better-sqlite3's takes a function). */
function transactionOpenings(file: string, text: string): number[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 0 && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'transaction') {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('transactions', () => {
  it('are opened by transact alone (tests may open their own)', () => {
    const files = sourceFilesUnder(ROOT, ['server']).filter((f) => !f.endsWith('.test.ts'));
    const opened = files.flatMap((file) =>
      transactionOpenings(file, readFileSync(file, 'utf8')).map((line) => `${path.relative(ROOT, file).split(path.sep).join('/')}:${line}`),
    );
    expect(opened.filter((at) => !at.startsWith(`${HELPER}:`))).toEqual([]);
    expect(opened.filter((at) => at.startsWith(`${HELPER}:`))).toHaveLength(1);
  });

  it('are found however the call is written', () => {
    expect(transactionOpenings('x.ts', 'await db.transaction().execute(fn);\nawait (db as K)\n  .transaction()\n  .execute(fn);')).toEqual([1, 2]);
    expect(transactionOpenings('x.ts', 'sqlite.transaction(() => 1)();')).toEqual([]);
  });
});
