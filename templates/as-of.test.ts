import { describe, expect, it } from 'vitest';
import { asOfHint, dateInputs, DEFAULT_STALE_DAYS, getTemplate, listTemplates, staleAfterDays, usesToday, type Template } from './index';

const tpl = (id: string): Template => getTemplate(id) ?? (() => { throw new Error(id); })();

describe('the as-of hint', () => {
  it('knows which schemes measure from TODAY()', () => {
    const using = listTemplates().filter(usesToday).map((t) => t.id);
    expect(using.sort()).toEqual(['clv', 'lifecycle', 'relationship', 'rfm']);
    expect(dateInputs(tpl('lifecycle'))).toEqual(['first_purchase', 'last_purchase']);
  });

  it('takes the scheme\'s largest day count as "far", a year when it has none', () => {
    expect(staleAfterDays(tpl('lifecycle'), {})).toBe(365);
    expect(staleAfterDays(tpl('lifecycle'), { lost_days: 500 })).toBe(500);
    expect(staleAfterDays(tpl('relationship'), {})).toBe(90);
    expect(staleAfterDays(tpl('rfm'), {})).toBe(DEFAULT_STALE_DAYS);
  });

  it('offers the day after the newest purchase when it is further back than that', () => {
    // Online Retail ends on 2011-12-09.
    expect(asOfHint(tpl('lifecycle'), {}, '2011-12-09', '2025-06-30')).toEqual({
      asOf: '2025-06-30', newest: '2011-12-09', days: 4952, staleAfterDays: 365, suggested: '2011-12-10',
    });
    expect(asOfHint(tpl('rfm'), {}, '2024-02-29', '2025-03-01')?.suggested).toBe('2024-03-01');
    // Within the scheme's days, no dates, or a scheme that does not use TODAY(): no hint.
    expect(asOfHint(tpl('lifecycle'), {}, '2024-07-01', '2025-06-30')).toBeNull();
    expect(asOfHint(tpl('lifecycle'), { lost_days: 5000 }, '2011-12-09', '2025-06-30')).toBeNull();
    expect(asOfHint(tpl('lifecycle'), {}, null, '2025-06-30')).toBeNull();
    expect(asOfHint(tpl('value-tiers'), {}, '2011-12-09', '2025-06-30')).toBeNull();
    expect(asOfHint(tpl('relationship'), {}, '2025-03-01', '2025-06-30')?.days).toBe(121);
  });
});
