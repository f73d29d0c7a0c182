// Column types detected from every row (not a sample): one value that does not fit and the column is text.
// Each value is read by the one cell-text reader of common/, behind the fast paths and cheap first-character checks.
import { readBooleanText, readDateText, readNumberText } from '../../../common';
import type { ImportColumnType } from '../../../common';
import { isoDateForm, mayBeNumber, plainNumberForm } from './fast-parse';
import type { StoredAs } from './read-source';

/** Every first character readNumberText can accept, full-width ones included (after trimming). */
const NUMBER_START = /^[-+.(\d¥￥$€£\uFF04\uFF08\uFF0B\uFF0D\uFF0E\uFF10-\uFF19]/;
const DATE_START = /^[\d\uFF10-\uFF19]/;

function readsAsNumber(v: string): boolean {
  const plain = plainNumberForm(v);
  return plain === 1 || (plain === 0 && NUMBER_START.test(v) && mayBeNumber(v) && typeof readNumberText(v) === 'number');
}

export class ColumnStats {
  nonEmpty = 0;
  numbers = 0;
  dates = 0;
  datesWithTime = 0;
  booleans = 0;
  firstNotNumber: string | undefined;
  /** XLSX cells stored as text that would read as numbers: they keep the column text. */
  numbersAsText = 0;
  firstNumberAsText: string | undefined;
  samples: string[] = [];

  /** `stored`: how an XLSX cell was stored (it is then not read for a type); none for CSV text. */
  add(raw: string, stored?: StoredAs): void {
    const n = raw.length;
    if (n === 0) return;
    // trim() only when an end is not plain ASCII: most cells need none.
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(n - 1);
    const v = first > 32 && first < 127 && last > 32 && last < 127 ? raw : raw.trim();
    if (v === '') return;
    const before = this.nonEmpty;
    this.nonEmpty++;
    if (this.samples.length < 5 && !this.samples.includes(v)) this.samples.push(v);
    if (stored === undefined) this.read(v, before);
    else this.count(v, stored);
  }

  /** Text that is typed by reading it (CSV). */
  private read(v: string, before: number): void {
    if (readsAsNumber(v)) this.numbers++;
    else this.firstNotNumber ??= v;
    // Dates and booleans are only checked while every value so far was one (a column is all or nothing).
    if (this.dates === before && DATE_START.test(v)) {
      const form = isoDateForm(v);
      const read = form === 0 ? readDateText(v) : { hadTime: form === 2 };
      if (read !== 'notDate') {
        this.dates++;
        if (read.hadTime) this.datesWithTime++;
      }
    }
    if (this.booleans === before && readBooleanText(v) !== 'notBoolean') this.booleans++;
  }

  /** A value whose type the file says. */
  private count(v: string, stored: StoredAs): void {
    switch (stored) {
      case 'number':
        this.numbers++;
        return;
      case 'date':
        this.firstNotNumber ??= v;
        this.dates++;
        // A date cell's text is "YYYY-MM-DD", with " HH:MM:SS" when it has a time.
        if (v.length > 10) this.datesWithTime++;
        return;
      case 'boolean':
        this.firstNotNumber ??= v;
        this.booleans++;
        return;
      case 'text':
        if (readsAsNumber(v)) {
          this.numbersAsText++;
          this.firstNumberAsText ??= v;
          return;
        }
        this.firstNotNumber ??= v;
        return;
      case 'error':
        this.firstNotNumber ??= v;
        return;
    }
  }

  get type(): ImportColumnType {
    if (this.nonEmpty === 0) return 'text';
    if (this.numbers === this.nonEmpty) return 'number';
    if (this.dates === this.nonEmpty) return 'date';
    if (this.booleans === this.nonEmpty) return 'boolean';
    return 'text';
  }

  problems(lang: 'zh-CN' | 'en'): string[] {
    const out: string[] = [];
    const t = this.type;
    if (t === 'date' && this.datesWithTime > 0) {
      const n = this.datesWithTime;
      out.push(lang === 'zh-CN' ? `${n} 个值带有时间，导入时只保留日期` : `${n} ${n === 1 ? 'value has' : 'values have'} a time of day; only the day is kept`);
    }
    // Mostly numbers: say what kept the column text.
    const mostlyNumbers = t === 'text' && this.numbers > 0 && this.numbers + this.numbersAsText >= this.nonEmpty * 0.5;
    if (mostlyNumbers && this.firstNumberAsText !== undefined) {
      const n = this.numbersAsText;
      out.push(
        lang === 'zh-CN'
          ? `${n} 个值在文件中存为文本（如“${this.firstNumberAsText}”），所以按文本导入`
          : `${n} ${n === 1 ? 'value is' : 'values are'} stored as text in the file (e.g. "${this.firstNumberAsText}"), so the column is text`,
      );
    }
    if (mostlyNumbers && this.firstNotNumber !== undefined) {
      const n = this.nonEmpty - this.numbers - this.numbersAsText;
      out.push(
        lang === 'zh-CN'
          ? `${n} 个值不是数字（如“${this.firstNotNumber}”），所以按文本导入`
          : `${n} ${n === 1 ? 'value is not a number' : 'values are not numbers'} (e.g. "${this.firstNotNumber}"), so the column is text`,
      );
    }
    return out;
  }
}
