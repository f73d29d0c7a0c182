import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../common';
import { AppError, ERROR_STATUS, errorMessage } from './app-error';
import type { AppEnv } from './context';
import { onError } from './error-handler';
import { parseAcceptLanguage } from './language';

describe('errors', () => {
  it('answers 500 INTERNAL with a message only, never the stack', async () => {
    const app = new Hono<AppEnv>();
    app.get('/boom', () => {
      throw new Error('secret SQL: select * from t_x');
    });
    app.onError(onError);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await app.request('/boom', { headers: { 'accept-language': 'en' } });
    spy.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error; please try again.' } });
    expect(text).not.toContain('secret');
  });

  it('has a status and messages in both languages for every code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(errorMessage(code, {}, 'en').length).toBeGreaterThan(5);
      expect(errorMessage(code, {}, 'zh-CN').length).toBeGreaterThan(3);
    }
    expect(new AppError('NAME_TAKEN', { name: 'x' }).status).toBe(409);
  });

  it('reads Accept-Language', () => {
    expect(parseAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(parseAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(parseAcceptLanguage('fr;q=1, en;q=0.5')).toBe('en');
    expect(parseAcceptLanguage('de')).toBeUndefined();
    expect(parseAcceptLanguage(undefined)).toBeUndefined();
  });
});
