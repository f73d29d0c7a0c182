// Cell values written by clients, checked and normalised per field type (nothing is written when one fails).
import { isoFromSerial, serialFromDateText } from '../../../formulas/eval/dates';
import type { CellInput, CellValue } from '../../wire';
import type { FieldMeta } from '../meta';

export const MAX_TEXT = 32_767;

export interface CellProblem {
  reason: string;
  reasonZh: string;
}

export type CellResult = { ok: true; value: CellValue } | ({ ok: false } & CellProblem);

const bad = (reason: string, reasonZh: string): CellResult => ({ ok: false, reason, reasonZh });
/** A value as Chinese text quotes it: “abc” (numbers and other values as they are written). */
const quotedZh = (input: unknown): string => (typeof input === 'string' ? `“${input}”` : JSON.stringify(input));

/** "1,234.5", "¥1,200", "$3", "12%" → number; undefined when not a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function parseNumberText(text: string): number | undefined {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  let t = text.trim().replace(/^[¥￥$]/, '').replace(/,/g, '').trim();
  let scale = 1;
  if (t.endsWith('%')) {
    t = t.slice(0, -1);
    scale = 0.01;
  }
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t) * scale;
  return Number.isFinite(n) ? n : undefined;
}

/** Date text (2024-01-05, 2024/1/5, 2024年1月5日, 1/5/2024, with an optional time) → "YYYY-MM-DD". */
export function parseDateText(text: string): { iso: string; hadTime: boolean } | undefined {
  const t = text.trim();
  const m = /^(.+?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/.exec(t);
  const day = m?.[1] ?? t;
  const serial = serialFromDateText(day);
  if (serial === undefined) return undefined;
  return { iso: isoFromSerial(serial), hadTime: m !== null };
}

export function parseBooleanText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', '是', '真', '对', 'checked'].includes(t)) return true;
  if (['false', 'no', 'n', '0', '否', '假', '错', 'unchecked'].includes(t)) return false;
  return undefined;
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
    case 'number': {
      if (typeof input === 'number') return Number.isFinite(input) ? { ok: true, value: input } : bad('not a finite number', '不是有效数字');
      if (typeof input === 'string') {
        const n = parseNumberText(input);
        if (n !== undefined) return { ok: true, value: n };
      }
      return bad(`${JSON.stringify(input)} is not a number`, `${quotedZh(input)}不是数字`);
    }
    case 'date': {
      if (typeof input === 'string') {
        const d = parseDateText(input);
        if (d) return { ok: true, value: d.iso };
      }
      return bad(`${JSON.stringify(input)} is not a date (use YYYY-MM-DD)`, `${quotedZh(input)}不是日期（请用 YYYY-MM-DD）`);
    }
    case 'boolean': {
      if (typeof input === 'boolean') return { ok: true, value: input };
      if (input === 0 || input === 1) return { ok: true, value: input === 1 };
      if (typeof input === 'string') {
        const b = parseBooleanText(input);
        if (b !== undefined) return { ok: true, value: b };
      }
      return bad(`${JSON.stringify(input)} is not true or false`, `${quotedZh(input)}不是“是/否”值`);
    }
    case 'select': {
      const text = typeof input === 'string' ? input : String(input);
      const options = field.options ?? [];
      const match = options.find((o) => o.value === text) ?? options.find((o) => o.value.toLowerCase() === text.trim().toLowerCase());
      if (match) return { ok: true, value: match.value };
      return bad(`"${text}" is not one of the options`, `“${text}”不是可选项之一`);
    }
  }
}
