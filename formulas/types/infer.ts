// Static result types of operators, mirroring the run-time rules of eval/operators.ts (FORMULAS.md
// settled 3: a date ± a number is a date, a date − a date a number).

import type { BinaryOp } from '../eval/operators';
import type { StaticType } from '../eval/values';

export function inferUnary(operand: StaticType): StaticType {
  void operand; // −date is a plain number in Excel
  return 'number';
}

export function inferBinary(op: BinaryOp, left: StaticType, right: StaticType): StaticType {
  switch (op) {
    case '+':
      if (left === 'date' && right === 'date') return 'number';
      if (left === 'date' || right === 'date') return left === 'mixed' || right === 'mixed' ? 'mixed' : 'date';
      return left === 'mixed' || right === 'mixed' ? 'mixed' : 'number';
    case '-':
      if (left === 'date' && right === 'date') return 'number';
      if (left === 'date') return right === 'mixed' ? 'mixed' : 'date';
      return left === 'mixed' ? 'mixed' : 'number';
    case '*':
    case '/':
    case '^':
      return 'number';
    case '&':
      return 'text';
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=':
      return 'boolean';
  }
}
