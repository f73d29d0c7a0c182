// Date text as a cell takes it: the forms DATEVALUE reads (formulas/eval/dates.ts), with an optional time of day.
import { isoFromSerial, serialFromDateText } from '../../formulas/eval/dates';
import { halfWidth } from './half-width';

export interface DateText {
  /** The day, "YYYY-MM-DD". */
  iso: string;
  /** The text also had a time of day, which a date cell does not keep. */
  hadTime: boolean;
}

/** The accepted forms, as the messages name them. */
export const DATE_FORMS = ['2024-01-05', '2024/1/5', '2024.1.5', '2024年1月5日', '1/5/2024'] as const;

const WITH_TIME = /^(.+?)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 1/5/2024 (month first, as Excel en-US), full-width digits too,
 * each optionally followed by a time ("2024-01-05 13:45", "2024-01-05T13:45:00Z") → the day; else 'notDate'.
 */
export function readDateText(text: string): DateText | 'notDate' {
  const t = halfWidth(text).trim();
  const m = WITH_TIME.exec(t);
  const serial = serialFromDateText(m?.[1] ?? t);
  if (serial === undefined) return 'notDate';
  return { iso: isoFromSerial(serial), hadTime: m !== null };
}
