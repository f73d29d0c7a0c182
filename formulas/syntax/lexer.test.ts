import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';

const kinds = (source: string): string[] => tokenize(source).map((t) => `${t.kind}:${t.value}`);

describe('lexer', () => {
  it('reads full-width punctuation as its ASCII twin', () => {
    expect(kinds('IF（1，2）')).toEqual(['name:IF', 'lparen:(', 'number:1', 'comma:,', 'number:2', 'rparen:)', 'eof:']);
    expect(kinds('1＜＞2')).toEqual(['number:1', 'op:<>', 'number:2', 'eof:']);
  });

  it('treats ideographic space and newlines as whitespace', () => {
    expect(kinds('1\u3000+\n2')).toEqual(['number:1', 'op:+', 'number:2', 'eof:']);
  });

  it('keeps names whole inside references, whatever they hold', () => {
    expect(kinds("{a.b - c's \"x\"}")).toEqual(["field:a.b - c's \"x\"", 'eof:']);
    expect(kinds('[（全角）]')).toEqual(['column:（全角）', 'eof:']);
  });

  it('decodes strings: "" escape, curly pairs, other quotes as text', () => {
    expect(tokenize('"a""b"')[0]).toMatchObject({ kind: 'string', value: 'a"b', quote: '"' });
    expect(tokenize('“a"b”')[0]).toMatchObject({ kind: 'string', value: 'a"b', quote: '“' });
    expect(tokenize('"a”b"')[0]).toMatchObject({ kind: 'string', value: 'a”b' });
  });

  it('turns problems into error tokens with spans, never exceptions', () => {
    expect(tokenize('1 $ 2')[1]).toMatchObject({ kind: 'error', span: { start: 2, end: 3 }, problem: { code: 'FORMULA_UNEXPECTED_CHAR', char: '$' } });
    expect(tokenize('😀')[0]).toMatchObject({ kind: 'error', span: { start: 0, end: 2 } });
    expect(tokenize('"abc')[0]).toMatchObject({ kind: 'error', problem: { code: 'FORMULA_UNTERMINATED_STRING' } });
    expect(tokenize('“abc"')[0]).toMatchObject({ kind: 'error', problem: { code: 'FORMULA_QUOTE_MISMATCH', open: '“', close: '"' } });
    expect(tokenize('{abc')[0]).toMatchObject({ kind: 'error', problem: { code: 'FORMULA_UNTERMINATED_REF', close: '}' } });
    expect(tokenize('{a[b]}')[0]).toMatchObject({ kind: 'error', span: { start: 0, end: 2 } });
    expect(tokenize('1e')[0]).toMatchObject({ kind: 'error', problem: { code: 'FORMULA_BAD_NUMBER' } });
    expect(tokenize('1e999')[0]).toMatchObject({ kind: 'error', problem: { code: 'FORMULA_BAD_NUMBER' } });
  });

  it('finds the mismatched quote that left a later text open', () => {
    const tokens = tokenize('IF(1,"是”,"否")');
    expect(tokens.map((t) => t.kind)).toEqual(['name', 'lparen', 'number', 'comma', 'error', 'comma', 'string', 'rparen', 'eof']);
  });
});
