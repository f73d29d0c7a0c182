import { describe, expect, test } from 'vitest';
import { matches, parseCriterion } from './criteria';
import { DateValue, ErrorValue, type Value } from './values';

const cells: Value[] = [5, '5', 'abc', 'ABC', '', null, true, new DateValue(45322), 'a*c', 'a?c', -1, 'b', new ErrorValue('#N/A')];

function matching(criterion: Value): Value[] {
  const c = parseCriterion(criterion);
  if (c instanceof ErrorValue) throw new Error('criterion is an error');
  return cells.filter((cell) => matches(c, cell));
}

describe('criteria', () => {
  test.each<[Value, Value[]]>([
    [5, [5, '5']], // numeric text matches a number (Excel's COUNTIF)
    ['5', [5, '5']],
    ['=5', [5, '5']],
    ['>4', [5, new DateValue(45322)]], // ordering: numbers and dates only
    ['<=-1', [-1]],
    ['<>5', ['abc', 'ABC', '', null, true, new DateValue(45322), 'a*c', 'a?c', -1, 'b', new ErrorValue('#N/A')]],
    ['abc', ['abc', 'ABC']],
    ['=ABC', ['abc', 'ABC']],
    ['a*', ['abc', 'ABC', 'a*c', 'a?c']],
    ['a?c', ['abc', 'ABC', 'a*c', 'a?c']],
    ['a~*c', ['a*c']],
    ['a~?c', ['a?c']],
    ['*', ['5', 'abc', 'ABC', '', 'a*c', 'a?c', 'b']], // any text, numbers excluded
    ['<>a*', [5, '5', '', null, true, new DateValue(45322), -1, 'b', new ErrorValue('#N/A')]],
    ['', ['', null]],
    ['=', [null]],
    ['<>', [5, '5', 'abc', 'ABC', '', true, new DateValue(45322), 'a*c', 'a?c', -1, 'b', new ErrorValue('#N/A')]],
    ['<b', ['5', 'abc', 'ABC', '', 'a*c', 'a?c']], // text order, case-insensitive
    ['TRUE', [true]],
    [true, [true]],
    [null, []], // a blank criterion is 0
    [new DateValue(45322), [new DateValue(45322)]],
    ['2024-01-31', [new DateValue(45322)]],
    ['>=2024-01-01', [new DateValue(45322)]],
    ['>=50%', [5, new DateValue(45322)]],
  ])('%j', (criterion, expected) => {
    expect(matching(criterion)).toEqual(expected);
  });

  test('an error criterion is returned as is', () => {
    expect(parseCriterion(new ErrorValue('#DIV/0!'))).toMatchObject({ code: '#DIV/0!' });
  });

});
