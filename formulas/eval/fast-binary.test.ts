import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { binaryFor, fieldOpNumber } from './fast-binary';
import { applyBinary, type BinaryOp } from './operators';
import { DateValue, ErrorValue, type Value } from './values';

const OPS: BinaryOp[] = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '>', '<=', '>='];
const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 0.30000000000000004, 1e308, -1e308, 1 / 3, 0.3333333333333333),
);
const valueArb: fc.Arbitrary<Value> = fc.oneof(
  number,
  number,
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 60000 }).map((s) => new DateValue(s)),
  fc.constant(new ErrorValue('#N/A')),
);

describe('operator fast paths', () => {
  test.prop([fc.constantFrom(...OPS), valueArb, valueArb], { numRuns: 3000 })('agree with applyBinary', (op, left, right) => {
    expect(binaryFor(op)(left, right)).toEqual(applyBinary(op, left, right));
  });

  test.prop([fc.constantFrom<BinaryOp>('=', '<>', '<', '>', '<=', '>='), number, fc.integer({ min: -3, max: 3 })])(
    'agree for numbers a few ulps apart (15-digit equality)',
    (op, a, steps) => {
      const b = a + steps * Number.EPSILON * Math.abs(a);
      expect(binaryFor(op)(a, b)).toEqual(applyBinary(op, a, b));
    },
  );

  test.prop([fc.constantFrom<BinaryOp>('>=', '>', '<=', '<'), valueArb, number, fc.integer({ min: -2, max: 2 })], { numRuns: 3000 })(
    '{F} op number reads the column with the same answers',
    (op, cell, constant, steps) => {
      const near = typeof cell === 'number' ? cell + steps * Number.EPSILON * Math.abs(cell) : cell;
      const fused = fieldOpNumber(op, [near], constant)!;
      expect(fused(0)).toEqual(applyBinary(op, near, constant));
      expect(fieldOpNumber(op, [], constant)!(0)).toEqual(applyBinary(op, null, constant));
    },
  );
});
