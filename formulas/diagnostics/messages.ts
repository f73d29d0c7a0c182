// Messages in zh-CN and en for every code. Each says what is wrong and how to fix it, naming the field,
// table or function. Parameters are plain strings so the catalogue stays a simple table.

import type { DiagnosticCode, Language } from './codes';

export type MessageParams = Readonly<Record<string, string | number>>;

type Template = (p: MessageParams) => string;

const MESSAGES: Readonly<Record<DiagnosticCode, { readonly 'zh-CN': Template; readonly en: Template }>> = {
  FORMULA_EMPTY: {
    'zh-CN': () => '公式为空：请输入公式，例如 {销售额}*2',
    en: () => 'The formula is empty: type a formula, for example {Sales}*2',
  },
  FORMULA_TOO_LONG: {
    'zh-CN': (p) => `公式太长：${p.length} 个字符，最多 ${p.max} 个`,
    en: (p) => `The formula is too long: ${p.length} characters, at most ${p.max} are allowed`,
  },
  FORMULA_TOO_DEEP: {
    'zh-CN': (p) => (p.chain === 'yes'
      ? `连在一起的运算太多：最多 ${p.max} 层，请拆成几个字段`
      : `嵌套太深：最多 ${p.max} 层括号、函数或正负号`),
    en: (p) => (p.chain === 'yes'
      ? `Too many operators in one chain: at most ${p.max} levels; split the formula into several fields`
      : `Nested too deeply: at most ${p.max} levels of parentheses, functions or signs`),
  },
  FORMULA_SYNTAX: {
    'zh-CN': (p) => `语法错误：${p.zh}`,
    en: (p) => `Syntax error: ${p.en}`,
  },
  FORMULA_UNEXPECTED_CHAR: {
    'zh-CN': (p) => (p.char === ';' || p.char === '；'
      ? `参数之间请用逗号 , 分隔，不能用 ${p.char}`
      : `无法识别的字符 ${p.char}：文本请放在双引号里，字段请写成 {字段名}`),
    en: (p) => (p.char === ';' || p.char === '；'
      ? `Separate arguments with a comma , not ${p.char}`
      : `Unexpected character ${p.char}: put text in double quotes and write fields as {Field name}`),
  },
  FORMULA_UNTERMINATED_STRING: {
    'zh-CN': () => '文本缺少结尾的引号',
    en: () => 'The text has no closing quote',
  },
  FORMULA_QUOTE_MISMATCH: {
    'zh-CN': (p) => `引号不配对：以 ${p.open} 开始的文本要以 ${p.expected} 结束，不能用 ${p.close}`,
    en: (p) => `Mismatched quotes: text opened with ${p.open} must close with ${p.expected}, not ${p.close}`,
  },
  FORMULA_UNTERMINATED_REF: {
    'zh-CN': (p) => (p.close === "'"
      ? "带引号的表名缺少结尾的 '；文本请用双引号，例如 \"北京\""
      : `引用缺少结尾的 ${p.close}`),
    en: (p) => (p.close === "'"
      ? "The quoted table name has no closing '; text goes in double quotes, such as \"Boston\""
      : `The reference has no closing ${p.close}`),
  },
  FORMULA_UNBALANCED: {
    'zh-CN': (p) => (p.which === 'open' ? '括号没有闭合：缺少 )' : '多余的 )：没有与之配对的 ('),
    en: (p) => (p.which === 'open' ? 'Unclosed parenthesis: a ) is missing' : 'Extra ): there is no ( to match it'),
  },
  FORMULA_BAD_NUMBER: {
    'zh-CN': (p) => `无效的数字 ${p.text}`,
    en: (p) => `Invalid number ${p.text}`,
  },
  FORMULA_BARE_NAME: {
    'zh-CN': (p) => `无法识别的名称 ${p.name}：字段请写成 {${p.name}}，文本请写成 "${p.name}"，函数后面要跟括号`,
    en: (p) => `Unknown name ${p.name}: write a field as {${p.name}}, text as "${p.name}", and a function with parentheses`,
  },
  FORMULA_UNKNOWN_FIELD: {
    'zh-CN': (p) => p.deleted
      ? `找不到${p.table ? `表 ${p.table} 的` : ''}字段“${p.name}”（已删除，可从回收站恢复）`
      : `找不到字段 ${p.name}${p.table ? `（表 ${p.table}）` : ''}${p.suggestion ? `，您是不是要找 ${p.suggestion}？` : ''}`,
    en: (p) => p.deleted
      ? `Field “${p.name}”${p.table ? ` of table ${p.table}` : ''} was deleted (restore it from the trash)`
      : `There is no field ${p.name}${p.table ? ` in table ${p.table}` : ''}${p.suggestion ? `; did you mean ${p.suggestion}?` : ''}`,
  },
  FORMULA_UNKNOWN_TABLE: {
    'zh-CN': (p) => `找不到表 ${p.name}${p.suggestion ? `，您是不是要找 ${p.suggestion}？` : ''}`,
    en: (p) => `There is no table ${p.name}${p.suggestion ? `; did you mean ${p.suggestion}?` : ''}`,
  },
  FORMULA_UNKNOWN_FUNCTION: {
    'zh-CN': (p) => `没有函数 ${p.name}${p.suggestion ? `，您是不是要用 ${p.suggestion}？` : ''}`,
    en: (p) => `There is no function ${p.name}${p.suggestion ? `; did you mean ${p.suggestion}?` : ''}`,
  },
  FORMULA_ARG_COUNT: {
    'zh-CN': (p) => `${p.name} 需要 ${p.expected} 个参数，这里有 ${p.count} 个${p.syntax ? `：${p.syntax}` : ''}`,
    en: (p) => `${p.name} takes ${p.expected} arguments, but ${p.count} ${p.count === 1 ? 'was' : 'were'} given${p.syntax ? `: ${p.syntax}` : ''}`,
  },
  FORMULA_ARG_KIND: {
    'zh-CN': (p) => (p.want === 'column'
      ? `${p.name} 的第 ${p.param} 个参数要一整列，例如 [字段名]，不能是单个值${p.syntax ? `：${p.syntax}` : ''}`
      : `${p.name} 的第 ${p.param} 个参数要单个值，例如 {字段名}，不能是整列${p.syntax ? `：${p.syntax}` : ''}`),
    en: (p) => (p.want === 'column'
      ? `Argument ${p.param} of ${p.name} must be a whole column such as [Field], not a single value${p.syntax ? `: ${p.syntax}` : ''}`
      : `Argument ${p.param} of ${p.name} must be a single value such as {Field}, not a whole column${p.syntax ? `: ${p.syntax}` : ''}`),
  },
  FORMULA_COLUMN_AS_VALUE: {
    'zh-CN': (p) => `${p.text} 是一整列，只能作为 SUM、RANK 等函数的参数；要本行的值请写 {${p.name}}`,
    en: (p) => `${p.text} is a whole column and can only be given to functions such as SUM or RANK; for this row's value write {${p.name}}`,
  },
  FORMULA_CYCLE: {
    'zh-CN': (p) => `循环引用：${p.path}`,
    en: (p) => `Circular reference: ${p.path}`,
  },
};

export function diagnosticMessage(code: DiagnosticCode, params: MessageParams, language: Language): string {
  return MESSAGES[code][language](params);
}
