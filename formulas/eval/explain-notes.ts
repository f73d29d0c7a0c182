// Words for the branch a lazy function took, read from which of its arguments were evaluated.

import type { Language } from '../diagnostics/codes';

export function branchNote(name: string, argCount: number, evaluated: readonly boolean[], language: Language): string | undefined {
  const zh = language === 'zh-CN';
  const ran = (index: number): boolean => evaluated[index] === true;
  switch (name.toUpperCase()) {
    case 'IF':
      if (ran(1)) return zh ? '条件为 TRUE：取第 2 个参数' : 'condition is TRUE: took the value-if-true branch';
      if (ran(2)) return zh ? '条件为 FALSE：取第 3 个参数' : 'condition is FALSE: took the value-if-false branch';
      if (argCount < 3) return zh ? '条件不为 TRUE，且没有第 3 个参数' : 'condition is not TRUE and there is no value-if-false';
      return zh ? '条件出错，两个分支都没有计算' : 'the condition is an error, so neither branch ran';
    case 'IFS': {
      for (let i = 1; i < argCount; i += 2) {
        if (ran(i)) {
          const n = (i + 1) / 2;
          return zh ? `第 ${n} 个条件是第一个为 TRUE 的条件` : `condition ${n} is the first TRUE one`;
        }
      }
      return zh ? '没有条件为 TRUE' : 'no condition is TRUE';
    }
    case 'SWITCH': {
      const hasDefault = argCount % 2 === 0;
      const last = hasDefault ? argCount - 1 : argCount;
      for (let i = 2; i < last; i += 2) {
        if (ran(i)) return zh ? `与第 ${i / 2} 个值相等` : `matched value ${i / 2}`;
      }
      if (hasDefault && ran(argCount - 1)) return zh ? '没有匹配的值：取默认值' : 'no value matched: took the default';
      return zh ? '没有匹配的值' : 'no value matched';
    }
    case 'IFERROR':
      return ran(1)
        ? (zh ? '第 1 个参数是错误值：取第 2 个参数' : 'the value is an error: took the fallback')
        : (zh ? '第 1 个参数不是错误值' : 'the value is not an error');
    case 'IFNA':
      return ran(1)
        ? (zh ? '第 1 个参数是 #N/A：取第 2 个参数' : 'the value is #N/A: took the fallback')
        : (zh ? '第 1 个参数不是 #N/A' : 'the value is not #N/A');
    default:
      return undefined;
  }
}
