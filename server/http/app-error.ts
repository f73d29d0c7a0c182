// The HTTP statuses and the messages (zh-CN, en) of the API's error codes (the codes: common/wire/errors.ts).
import type { ErrorCode, Language } from '../../common';

export type { ErrorCode };
export type MessageLanguage = Language;

export const ERROR_STATUS: Record<ErrorCode, 400 | 403 | 404 | 409 | 413 | 415 | 422 | 500> = {
  BAD_REQUEST: 400,
  LIMIT_EXCEEDED: 400,
  NOT_FOUND: 404,
  FIELD_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  NAME_TAKEN: 409,
  UNDO_EMPTY: 409,
  TEMPLATE_FIELD_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_CELL: 422,
  INVALID_NAME: 422,
  FORMULA_INVALID: 422,
  FORMULA_CYCLE: 422,
  TYPE_CHANGE_LOSSY: 422,
  IMPORT_UNREADABLE: 422,
  IMPORT_BAD_ROWS: 422,
  IMPORT_MAPPING: 422,
  TEMPLATE_INPUT_MISSING: 422,
  TOO_MANY_FIELDS: 422,
  HOST_NOT_ALLOWED: 403,
  CROSS_SITE_WRITE: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

type Details = Record<string, unknown>;
type Message = (d: Details) => string;
const s = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

const MESSAGES: Record<ErrorCode, { 'zh-CN': Message; en: Message }> = {
  BAD_REQUEST: {
    'zh-CN': (d) => `请求格式不正确${d.reasonZh ?? d.reason ? `：${s(d.reasonZh ?? d.reason)}` : ''}。`,
    en: (d) => `The request is malformed${d.reason ? `: ${s(d.reason)}` : ''}.`,
  },
  LIMIT_EXCEEDED: {
    'zh-CN': (d) => `${s(d.whatZh)}为 ${s(d.actual)}，超过了上限 ${s(d.max)}。${s(d.hintZh)}`,
    en: (d) => `${s(d.what)} is ${s(d.actual)}, over the limit of ${s(d.max)}.${d.hint ? ` ${s(d.hint)}` : ''}`,
  },
  NOT_FOUND: {
    'zh-CN': (d) => `找不到${s(d.kindZh) || '该对象'}${d.id ? `（${s(d.id)}）` : ''}，它可能已被删除。`,
    en: (d) => `No ${s(d.kind) || 'such item'}${d.id ? ` with id ${s(d.id)}` : ''}; it may have been deleted.`,
  },
  FIELD_NOT_FOUND: {
    'zh-CN': (d) => `表中没有字段 ${s(d.fieldId)}。`,
    en: (d) => `The table has no field ${s(d.fieldId)}.`,
  },
  VERSION_CONFLICT: {
    'zh-CN': () => '这一行已被其他人修改，请查看最新内容后重试。',
    en: () => 'Someone else changed this row; review its current values and try again.',
  },
  NAME_TAKEN: {
    'zh-CN': (d) => `名称“${s(d.name)}”已被使用，请换一个名称。`,
    en: (d) => `The name "${s(d.name)}" is already used; choose another one.`,
  },
  UNDO_EMPTY: {
    'zh-CN': (d) => (d.redo ? '没有可以重做的操作。' : '没有可以撤销的操作。'),
    en: (d) => (d.redo ? 'There is nothing to redo.' : 'There is nothing to undo.'),
  },
  TEMPLATE_FIELD_EXISTS: {
    'zh-CN': (d) => `表中已有同名字段：${s(d.names)}。可以改名后再应用，或选择自动改名。`,
    en: (d) => `The table already has fields named ${s(d.names)}; rename them or apply with automatic renaming.`,
  },
  PAYLOAD_TOO_LARGE: {
    'zh-CN': (d) => `请求内容太大（上限 ${s(d.limit)}）。`,
    en: (d) => `The request is too large (limit ${s(d.limit)}).`,
  },
  INVALID_CELL: {
    'zh-CN': (d) => `第 ${s(d.row)} 行的字段“${s(d.fieldName)}”的值无效：${s(d.reasonZh ?? d.reason)}。没有保存任何内容。`,
    en: (d) => `Row ${s(d.row)}, field "${s(d.fieldName)}": ${s(d.reason)}. Nothing was saved.`,
  },
  INVALID_NAME: {
    'zh-CN': (d) =>
      `名称“${s(d.name)}”不能使用：${d.reason === 'empty' ? '名称不能为空' : '名称中不能有 { } [ ]，因为公式用 {字段} 和 [字段] 引用字段'}。`,
    en: (d) =>
      `The name "${s(d.name)}" cannot be used: ${d.reason === 'empty' ? 'a name cannot be empty' : 'names cannot contain { } [ ] because formulas use {Field} and [Field] to refer to fields'}.`,
  },
  FORMULA_INVALID: {
    'zh-CN': (d) => `公式有错误：${s(d.firstZh ?? d.first)}`,
    en: (d) => `The formula has an error: ${s(d.first)}`,
  },
  FORMULA_CYCLE: {
    'zh-CN': (d) => `公式形成了循环引用：${s(d.cycleZh ?? d.cycle)}`,
    en: (d) => `The formulas refer to each other in a cycle: ${s(d.cycle)}`,
  },
  TYPE_CHANGE_LOSSY: {
    'zh-CN': (d) => `有 ${s(d.count)} 个值无法转换为新类型，转换后会变为空。确认后再提交（confirm: true）。`,
    en: (d) => `${s(d.count)} values will not convert to the new type and will become blank. Send confirm: true to apply.`,
  },
  IMPORT_UNREADABLE: {
    'zh-CN': (d) => `无法读取文件：${s(d.reasonZh ?? d.reason)}。`,
    en: (d) => `The file cannot be read: ${s(d.reason)}.`,
  },
  IMPORT_BAD_ROWS: {
    'zh-CN': (d) => `有 ${s(d.count)} 行数据有问题，未导入任何内容。可以选择跳过这些行。`,
    en: (d) => `${s(d.count)} rows have problems; nothing was imported. You can choose to skip them.`,
  },
  IMPORT_MAPPING: {
    'zh-CN': (d) => `列对应关系有误：${s(d.reasonZh ?? d.reason)}。`,
    en: (d) => `The column mapping is wrong: ${s(d.reason)}.`,
  },
  TEMPLATE_INPUT_MISSING: {
    'zh-CN': (d) => `模板需要的输入没有对应字段：${s(d.inputsZh ?? d.inputs)}。`,
    en: (d) => `Required template inputs are not mapped: ${s(d.inputs)}.`,
  },
  TOO_MANY_FIELDS: {
    'zh-CN': (d) =>
      `一张表最多有 ${s(d.max)} 个数据列（普通字段占 1 列，公式字段占 2 列，回收站里的字段仍占着它们的列）。此表已用 ${s(d.used)} 列，这次操作还需要 ${s(d.adding)} 列，没有做任何修改。`,
    en: (d) =>
      `A table holds at most ${s(d.max)} data columns (a field takes one, a formula field two, and fields in the trash keep theirs). This table uses ${s(d.used)} and this needs ${s(d.adding)} more; nothing was changed.`,
  },
  HOST_NOT_ALLOWED: {
    'zh-CN': (d) =>
      `Segsheet 不响应主机名“${s(d.host)}”的请求（防止 DNS 重绑定）。如需通过这个名称访问，请在启动时设置环境变量 SEGSHEET_ALLOWED_HOSTS=${s(d.host)}。`,
    en: (d) =>
      `Segsheet does not answer requests for the host name "${s(d.host)}" (a guard against DNS rebinding). To use this name, start it with SEGSHEET_ALLOWED_HOSTS=${s(d.host)}.`,
  },
  CROSS_SITE_WRITE: {
    'zh-CN': (d) => `已拒绝来自其他网站（${s(d.origin)}）的修改请求：只有 Segsheet 自己的页面可以修改数据。没有保存任何内容。`,
    en: (d) => `A change sent by another site (${s(d.origin)}) was refused: only Segsheet's own pages can change data. Nothing was saved.`,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': (d) => `不接受内容类型“${s(d.contentType) || '（无）'}”，请以 ${s(d.expected)} 发送。没有保存任何内容。`,
    en: (d) => `The content type "${s(d.contentType) || '(none)'}" is not accepted here; send ${s(d.expected)}. Nothing was saved.`,
  },
  INTERNAL: {
    'zh-CN': () => '服务器内部错误，请稍后重试。',
    en: () => 'Internal server error; please try again.',
  },
};

/** The error of a request that cannot be served. `details` goes to the client as is (minus *Zh helper keys). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Details = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function errorMessage(code: ErrorCode, details: Details, lang: MessageLanguage): string {
  return MESSAGES[code][lang](details);
}

/** Details as sent: `xZh` keys replace `x` for zh-CN and are dropped otherwise. */
export function publicDetails(details: Details, lang: MessageLanguage): Details {
  const out: Details = {};
  for (const [k, v] of Object.entries(details)) {
    if (k === 'kind' || k === 'kindZh') {
      if (k === 'kind') out[k] = v;
      continue;
    }
    if (!k.endsWith('Zh')) {
      if (!(k in out)) out[k] = v;
    } else if (lang === 'zh-CN') out[k.slice(0, -2)] = v;
  }
  return out;
}

export const notFound = (kind: 'workbook' | 'table' | 'field' | 'row' | 'import' | 'trash item' | 'template', id: string): AppError => {
  const zh: Record<typeof kind, string> = {
    workbook: '工作簿',
    table: '数据表',
    field: '字段',
    row: '行',
    import: '导入任务',
    'trash item': '回收站项目',
    template: '模板',
  };
  return new AppError('NOT_FOUND', { kind, id, kindZh: zh[kind] });
};
