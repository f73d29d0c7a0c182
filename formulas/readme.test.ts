// The README's function list is generated from the registry: `UPDATE_README=1 npx vitest run formulas/readme`
// rewrites it; otherwise this test fails when a function is missing from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFunctions } from './index';

const README = new URL('./README.md', import.meta.url);
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function functionTable(): string {
  const rows = allFunctions().map((f) => `| ${f.name} | ${f.category} | \`${cell(f.docs.en.syntax)}\` | ${cell(f.docs.en.summary)} | ${cell(f.docs['zh-CN'].summary)} |`);
  return ['', '| function | category | syntax | summary | 说明 |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

describe('README', () => {
  if (process.env.UPDATE_README === '1') {
    const text = readFileSync(README, 'utf8');
    writeFileSync(README, text.replace(/<!-- functions:start -->[\s\S]*<!-- functions:end -->/, `<!-- functions:start -->${functionTable()}<!-- functions:end -->`));
  }
  const readme = readFileSync(README, 'utf8');

  it('lists every function of the registry', () => {
    const missing = allFunctions().filter((f) => !readme.includes(`| ${f.name} |`)).map((f) => f.name);
    expect(missing, 'run UPDATE_README=1 npx vitest run formulas/readme').toEqual([]);
  });

  it('documents every export of index.ts', async () => {
    const api = Object.keys(await import('./index'));
    expect(api.filter((name) => !readme.includes(name))).toEqual([]);
  });
});
