import { describe, expect, test } from 'vitest';
import { compileWildcard, wildcardMatches, wildcardSearch } from './wildcards';

describe('wildcards', () => {
  test.each<[string, string, boolean]>([
    ['a*', 'abc', true],
    ['a*', 'ba', false],
    ['*c', 'abc', true],
    ['*', '', true],
    ['?', '', false],
    ['a?c', 'ABC', true],
    ['a?c', 'abbc', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxcyyb', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*a*', 'bab', true],
    ['a~*b', 'a*b', true],
    ['a~*b', 'axb', false],
    ['~?', '?', true],
    ['~~', '~', true],
    ['a~b', 'a~b', true],
    ['北*', '北京', true],
    ['*京', '南京', true],
    ['a.b', 'axb', false],
    ['(x)', '(x)', true],
  ])('%j matches %j: %s', (pattern, text, expected) => {
    expect(wildcardMatches(compileWildcard(pattern), text)).toBe(expected);
  });

  test.each<[string, string, number]>([
    ['b', 'abcb', 1],
    ['c*f', 'abcdef', 2],
    ['?c', 'abc', 1],
    ['*c', 'abc', 0],
    ['x', 'abc', -1],
    ['', 'abc', 0],
    ['b*z', 'abcb', -1],
  ])('SEARCH %j in %j → %d', (pattern, text, expected) => {
    expect(wildcardSearch(compileWildcard(pattern), text, 0)).toBe(expected);
  });

  test('pathological patterns on 32,767 characters finish (no exponential backtracking)', () => {
    const text = 'a'.repeat(32_767);
    const pattern = compileWildcard(`${'*a'.repeat(20)}*b`);
    expect(wildcardMatches(pattern, text)).toBe(false);
    expect(wildcardSearch(pattern, text, 0)).toBe(-1);
  });
});
