// Language of messages: Accept-Language (zh-CN or en), else the workbook's language, else zh-CN.
import type { Context } from 'hono';
import type { MessageLanguage } from './app-error';
import type { AppEnv } from './context';

export function parseAcceptLanguage(header: string | undefined): MessageLanguage | undefined {
  if (!header) return undefined;
  const prefs = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const p of prefs) {
    if (p.tag.startsWith('zh')) return 'zh-CN';
    if (p.tag.startsWith('en')) return 'en';
  }
  return undefined;
}

export function requestLanguage(c: Context<AppEnv>): MessageLanguage {
  return parseAcceptLanguage(c.req.header('accept-language')) ?? c.get('workbookLanguage') ?? 'zh-CN';
}
