import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';
import type { CsvProblem } from './csv-tokenizer';

interface Rec {
  fields: string[];
  problem: CsvProblem | undefined;
}

/** Tokenizes `text` fed in the given block sizes (cycled). */
function tokenize(text: string, blocks: readonly number[], delimiter = ',', newline: '\n' | '\r' = '\n'): Rec[] {
  const out: Rec[] = [];
  const t = new CsvTokenizer(delimiter, newline, (fields, count, problem) => out.push({ fields: fields.slice(0, count), problem }));
  let pos = 0;
  let b = 0;
  while (pos < text.length) {
    const size = blocks[b++ % blocks.length] ?? 1;
    t.push(text.slice(pos, pos + size));
    pos += size;
  }
  t.end();
  return out;
}

function papa(text: string, delimiter = ','): string[][] {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;
}

/** A seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCsv(rand: () => number, rows: number, eol: string): string {
  const pieces = ['a', 'bc', '1,2', 'x"y', '中文', ' ', '', 'line\nbreak', '3.5', 'q""', 'end\r\nx'];
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const width = 1 + Math.floor(rand() * 4);
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = pieces[Math.floor(rand() * pieces.length)] ?? '';
      const mustQuote = /[",\r\n]/.test(v);
      cells.push(mustQuote || rand() < 0.2 ? `"${v.replace(/"/g, '""')}"` : v);
    }
    lines.push(cells.join(','));
    if (rand() < 0.1) lines.push('');
  }
  return lines.join(eol) + (rand() < 0.5 ? eol : '');
}

describe('CsvTokenizer', () => {
  it('reads what Papa Parse reads, whatever the block boundaries', () => {
    const rand = prng(7);
    for (let round = 0; round < 300; round++) {
      const eol = round % 2 === 0 ? '\n' : '\r\n';
      const text = randomCsv(rand, 1 + Math.floor(rand() * 12), eol);
      const expected = papa(text);
      const blocks = [1 + Math.floor(rand() * 7), 1 + Math.floor(rand() * 40), 1000];
      const got = tokenize(text, blocks);
      expect(got.map((r) => r.fields), JSON.stringify(text)).toEqual(expected);
      expect(got.every((r) => r.problem === undefined)).toBe(true);
    }
  });

  it('splits by another delimiter and by bare CR lines', () => {
    expect(tokenize('a;b\n1;"x;y"\n', [3], ';').map((r) => r.fields)).toEqual([['a', 'b'], ['1', 'x;y']]);
    expect(tokenize('a\tb\r1\t2\r', [100], '\t', '\r').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines (also lines of only delimiters and spaces)', () => {
    expect(tokenize('a,b\n\n , \n1,2\n,\n', [4]).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('marks a quote that never closes, and text after a closing quote', () => {
    const open = tokenize('a,b\n1,"never\n2,3\n', [5]);
    expect(open.map((r) => r.problem)).toEqual([undefined, 'unclosed-quote']);
    const trailing = tokenize('a,b\n"x"y,2\n3,4\n', [100]);
    expect(trailing.map((r) => r.problem)).toEqual([undefined, 'bad-quote', undefined]);
    expect(trailing[2]?.fields).toEqual(['3', '4']);
  });

  it('keeps quotes inside an unquoted value as text', () => {
    expect(tokenize('a,b\n12" pipe,"2"\n', [100]).map((r) => r.fields)).toEqual([['a', 'b'], ['12" pipe', '2']]);
  });
});
