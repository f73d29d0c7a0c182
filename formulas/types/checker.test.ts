import { describe, expect, it } from 'vitest';
import { checkFormula, shownToStored, storedToShown } from './checker';
import { fakeLibrary } from '../testing/fake-library';
import { schema } from '../testing/fixtures';
import type { FormulaSchema } from './schema';

const check = (source: string, options: Parameters<typeof checkFormula>[3] = {}) =>
  checkFormula(source, schema, 'tbl_c', { functions: fakeLibrary, ...options });
const codes = (source: string): string[] => check(source).diagnostics.map((d) => d.code);

describe('type inference', () => {
  it.each([
    ['1+2', 'number'],
    ['{销售额}', 'number'],
    ['{Name}', 'text'],
    ['{First day}', 'date'],
    ['{First day}+30', 'date'],
    ['30+{First day}', 'date'],
    ['{First day}-{First day}', 'number'],
    ['{First day}-1', 'date'],
    ['-{First day}', 'number'],
    ['{Name}&1', 'text'],
    ['{销售额}>=100', 'boolean'],
    ['50%', 'number'],
    ['TRUE', 'boolean'],
    ['IF({销售额}>1,"a","b")', 'text'],
    ['TODAY()', 'date'],
    ['({Name})', 'text'],
  ])('%s is %s', (source, type) => {
    const result = check(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.resultType).toBe(type);
  });
});

describe('binding', () => {
  it('resolves all four reference forms, names loosely when unambiguous', () => {
    expect(codes('{销售额}+SUM([销售额])+SUM(客户[销售额])+SUM(\'Orders 2024\'[Amount])')).toEqual([]);
    expect(codes("SUM('Tom''s'[Q])")).toEqual([]);
    expect(codes('{name}&{ Name }')).toEqual([]);
    expect(codes("{name}&SUM('orders 2024'[ amount])")).toEqual([]);
  });

  it('checks argument counts, including complete pairs', () => {
    expect(check('IF(1,2,3,4)').diagnostics).toMatchObject([{ code: 'FORMULA_ARG_COUNT', start: 9, end: 11, message: 'IF takes 2 to 3 arguments, but 4 were given' }]);
    expect(codes('IFS(1,2,3)')).toEqual(['FORMULA_ARG_COUNT']);
    expect(codes('IFS(1,2,3,4)')).toEqual([]);
    expect(codes('TODAY(1)')).toEqual(['FORMULA_ARG_COUNT']);
    expect(codes('SUM()')).toEqual(['FORMULA_ARG_COUNT']);
  });

  it('checks argument kinds: value vs column', () => {
    expect(codes('RANK({销售额},[销售额])')).toEqual([]);
    expect(codes('RANK({销售额},([销售额]))')).toEqual([]);
    expect(codes('RANK([销售额],[销售额])')).toEqual(['FORMULA_ARG_KIND']);
    expect(codes('RANK({销售额},{销售额})')).toEqual(['FORMULA_ARG_KIND']);
    expect(codes('SUM([销售额],{销售额},1)')).toEqual([]);
    expect(codes('IF([销售额]>1,1,2)')).toEqual(['FORMULA_COLUMN_AS_VALUE']);
    expect(codes('[销售额]')).toEqual(['FORMULA_COLUMN_AS_VALUE']);
  });

  it('reports every unknown name at once, in source order', () => {
    const result = check('IFF({销售},Ordrs[Amount],\'Orders 2024\'[Amt])');
    expect(result.diagnostics.map((d) => [d.code, d.suggestion])).toEqual([
      ['FORMULA_UNKNOWN_FUNCTION', 'IF'],
      ['FORMULA_UNKNOWN_FIELD', '销售额'],
      ['FORMULA_UNKNOWN_TABLE', 'Orders 2024'],
      ['FORMULA_UNKNOWN_FIELD', 'Amount'],
    ]);
    expect(result.stored).toBeUndefined();
  });

  it('suggests braces for a bare field name', () => {
    expect(check('销售额*2').diagnostics).toMatchObject([{ code: 'FORMULA_BARE_NAME', start: 0, end: 3, suggestion: '{销售额}' }]);
    expect(check('name&"x"').diagnostics[0]!.suggestion).toBe('{Name}');
    expect(check('nothing').diagnostics[0]!.suggestion).toBeUndefined();
  });

  it('accepts TRUE() and FALSE() even when the library lacks them', () => {
    expect(check('TRUE()').resultType).toBe('boolean');
    expect(codes('FALSE(1)')).toEqual(['FORMULA_UNKNOWN_FUNCTION']);
  });
});

describe('references, columnWide, usesToday', () => {
  it('lists distinct references with their dependency mode', () => {
    const result = check('IF({销售额}>1, RANK({销售额},[销售额]), SUM(\'Orders 2024\'[Amount])) & {Name}');
    expect(result.references).toEqual([
      { tableId: 'tbl_c', fieldId: 'fld_sales', mode: 'column' },
      { tableId: 'tbl_o', fieldId: 'fld_amt', mode: 'column' },
      { tableId: 'tbl_c', fieldId: 'fld_name', mode: 'row' },
    ]);
    expect(result.columnWide).toBe(true);
    expect(result.usesToday).toBe(false);
  });

  it('keeps value arguments of column functions row-local: only columns are column-wide', () => {
    const result = check('RANK({Name},[销售额])');
    expect(result.references).toEqual([
      { tableId: 'tbl_c', fieldId: 'fld_name', mode: 'row' },
      { tableId: 'tbl_c', fieldId: 'fld_sales', mode: 'column' },
    ]);
    expect(result.columnWide).toBe(true);
  });

  it('keeps row references row-local', () => {
    const result = check('{销售额}*2 + ({First day} - TODAY())');
    expect(result.references.map((r) => r.mode)).toEqual(['row', 'row']);
    expect(result.columnWide).toBe(false);
    expect(result.usesToday).toBe(true);
  });
});

describe('shown form ↔ stored form', () => {
  it('turns names into ids and back, keeping the user\'s text', () => {
    const shown = 'IF（{销售额} >= 100，SUM( \'Orders 2024\'[Amount] ) , 客户[销售额]）';
    const result = check(shown.replace('客户[销售额]', 'SUM(客户[销售额])'));
    expect(result.stored).toBe('IF（{#fld_sales} >= 100，SUM( #tbl_o[#fld_amt] ) , SUM(#tbl_c[#fld_sales])）');
    expect(storedToShown(result.stored!, schema, 'tbl_c')).toBe(shown.replace('客户[销售额]', 'SUM(客户[销售额])'));
    expect(result.shown).toBe(shown.replace('客户[销售额]', 'SUM(客户[销售额])'));
  });

  it('normalises loosely typed names in the shown form', () => {
    expect(check("{ name }&SUM('orders 2024'[amount])").shown).toBe("{Name}&SUM('Orders 2024'[Amount])");
  });

  it('survives renames of fields and tables', () => {
    const { stored } = shownToStored("{Name}&SUM('Orders 2024'[Amount])", schema, 'tbl_c', { functions: fakeLibrary });
    const renamed: FormulaSchema = {
      tables: schema.tables.map((t) => ({
        ...t,
        name: t.id === 'tbl_o' ? 'Sales{x}'.replace('{x}', '') + ' Q1' : t.name,
        fields: t.fields.map((f) => ({ ...f, name: f.id === 'fld_name' ? "Customer's name" : f.id === 'fld_amt' ? 'Net amount' : f.name })),
      })),
    };
    const shown = storedToShown(stored!, renamed, 'tbl_c');
    expect(shown).toBe("{Customer's name}&SUM('Sales Q1'[Net amount])");
    expect(checkFormula(shown, renamed, 'tbl_c', { functions: fakeLibrary }).stored).toBe(stored);
  });

  it('checks a stored formula directly, and names #-prefixed fields as names in the shown form', () => {
    expect(check('{#fld_sales}*2', { form: 'stored' }).shown).toBe('{销售额}*2');
    expect(codes('{#fld_sales}')).toEqual(['FORMULA_UNKNOWN_FIELD']);
    const hashy: FormulaSchema = { tables: [{ id: 't', name: 'T', fields: [{ id: 'f', name: '#fld_sales', type: 'number' }] }] };
    expect(checkFormula('{#fld_sales}', hashy, 't').stored).toBe('{#f}');
  });

  it('leaves references to deleted fields as written', () => {
    expect(storedToShown('{#gone}+{#fld_sales}', schema, 'tbl_c')).toBe('{#gone}+{销售额}');
  });

  describe('fields in the trash', () => {
    // 销售额 and Orders 2024[Amount] moved to the trash; "Old" is another trashed field.
    const trashed: FormulaSchema = {
      tables: schema.tables.map((t) => ({
        ...t,
        fields: t.fields.filter((f) => f.id !== 'fld_sales' && f.id !== 'fld_amt'),
        deletedFields: t.id === 'tbl_c' ? [{ id: 'fld_sales', name: '销售额' }, { id: 'fld_old', name: 'Old' }] : t.id === 'tbl_o' ? [{ id: 'fld_amt', name: 'Amount' }] : [],
      })),
    };
    const stored = "IF({#fld_sales}>=100,\"高\",\"低\")&SUM([#fld_sales])&SUM(#tbl_o[#fld_amt])&{#gone}";

    it('are named in the shown form, in every reference form', () => {
      expect(storedToShown(stored, trashed, 'tbl_c')).toBe("IF({销售额}>=100,\"高\",\"低\")&SUM([销售额])&SUM('Orders 2024'[Amount])&{#gone}");
    });

    it('still do not bind: the check fails, naming the deleted field in either language', () => {
      const result = checkFormula('{#fld_sales}*2+SUM(#tbl_o[#fld_amt])', trashed, 'tbl_c', { form: 'stored', functions: fakeLibrary, language: 'zh-CN' });
      expect(result.ok).toBe(false);
      expect(result.formula).toBeUndefined();
      expect(result.references).toEqual([]);
      expect(result.diagnostics.map((d) => [d.code, d.message, d.suggestion])).toEqual([
        ['FORMULA_UNKNOWN_FIELD', '找不到字段“销售额”（已删除，可从回收站恢复）', undefined],
        ['FORMULA_UNKNOWN_FIELD', '找不到表 Orders 2024 的字段“Amount”（已删除，可从回收站恢复）', undefined],
      ]);
      const en = checkFormula('{#fld_sales}', trashed, 'tbl_c', { form: 'stored', functions: fakeLibrary });
      expect(en.diagnostics[0]!.message).toBe('Field “销售额” was deleted (restore it from the trash)');
    });

    it('typed by name after the deletion, say it was deleted instead of guessing another field', () => {
      const result = checkFormula('{销售额}+{old}', trashed, 'tbl_c', { functions: fakeLibrary });
      expect(result.diagnostics.map((d) => d.message)).toEqual([
        'Field “销售额” was deleted (restore it from the trash)',
        'Field “Old” was deleted (restore it from the trash)',
      ]);
    });

    it('a live field of the same name wins over the deleted one', () => {
      const recreated: FormulaSchema = {
        tables: trashed.tables.map((t) => (t.id === 'tbl_c' ? { ...t, fields: [...t.fields, { id: 'fld_new', name: '销售额', type: 'number' as const }] } : t)),
      };
      expect(checkFormula('{销售额}', recreated, 'tbl_c', { functions: fakeLibrary }).stored).toBe('{#fld_new}');
      expect(checkFormula('{#fld_sales}', recreated, 'tbl_c', { form: 'stored', functions: fakeLibrary }).ok).toBe(false);
    });
  });
});

describe('cycles at save time', () => {
  it('refuses a formula that reaches itself, naming the path', () => {
    const result = check('{Label}&"!"', { fieldId: 'fld_tier' });
    expect(result.diagnostics).toMatchObject([{ code: 'FORMULA_CYCLE', start: 0, end: 7, message: 'Circular reference: Tier → Label → Tier' }]);
    expect(check('{Tier}', { fieldId: 'fld_tier' }).diagnostics[0]!.message).toBe('Circular reference: Tier → Tier');
  });

  it('follows cycles across tables', () => {
    const result = check("SUM('Orders 2024'[Total])", { fieldId: 'fld_sales' });
    expect(result.diagnostics[0]!.message).toBe('Circular reference: 销售额 → Orders 2024[Total] → Rank → 销售额');
    expect(check('{销售额}', { fieldId: 'fld_note' }).ok).toBe(true);
  });
});
