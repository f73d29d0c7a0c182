// Cell values written by clients, checked and normalised per field type (nothing is written when one fails).
// String input to number, date and boolean fields is read by the one cell-text reader of common/.
import { type CellRefusal, MAX_TEXT, readCellText, refusalText, type TypedKind } from '../../../common';
import type { CellInput, CellValue } from '../../../common';
import type { FieldMeta } from '../meta';

export interface CellProblem {
  reason: string;
  reasonZh: string;
}

export type CellResult = { ok: true; value: CellValue } | ({ ok: false } & CellProblem);

const bad = (reason: string, reasonZh: string): CellResult => ({ ok: false, reason, reasonZh });
const refused = (why: CellRefusal, input: string | number | boolean): CellResult => bad(refusalText(why, 'en', input), refusalText(why, 'zh-CN', input));

function readText(kind: TypedKind, text: string): CellResult {
  const r = readCellText(kind, text);
  return r.ok ? { ok: true, value: r.value } : refused(r.reason, text);
}

export function checkCell(field: FieldMeta, input: CellInput): CellResult {
  if (field.type === 'formula') return bad('formula fields are computed and cannot be written', '公式字段由公式计算，不能直接填写');
  if (input === null || input === '') return { ok: true, value: null };
  switch (field.type) {
    case 'text': {
      const text = typeof input === 'string' ? input : String(input);
      if (text.length > MAX_TEXT) return bad(`text longer than ${MAX_TEXT} characters`, `文本超过 ${MAX_TEXT} 个字符`);
      return { ok: true, value: text };
    }
    case 'number':
      if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : bad('not a finite number', '不是有效数字');
      return typeof input === 'string' ? readText('number', input) : refused('notNumber', input);
    case 'date':
      return typeof input === 'string' ? readText('date', input) : refused('notDate', input);
    case 'boolean':
      if (typeof input === 'boolean') return { ok: true, value: input };
      if (input === 0 || input === 1) return { ok: true, value: input === 1 };
      return typeof input === 'string' ? readText('boolean', input) : refused('notBoolean', input);
    case 'select': {
      const text = typeof input === 'string' ? input : String(input);
      const options = field.options ?? [];
      const match = options.find((o) => o.value === text) ?? options.find((o) => o.value.toLowerCase() === text.trim().toLowerCase());
      if (match) return { ok: true, value: match.value };
      return bad(`"${text}" is not one of the options`, `“${text}”不是可选项之一`);
    }
  }
}
