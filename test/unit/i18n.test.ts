import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/audit-actions.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';

describe('UI texts', () => {
  it('name every audited action in both languages, so the Audit screen never shows a raw key', () => {
    for (const messages of [zhCN, en]) {
      const missing = AUDIT_ACTIONS.filter((a) => !(a in messages.actions));
      expect(missing).toEqual([]);
    }
  });
});

describe('how a span of time reads', () => {
  it('in hours and minutes from an hour up, never as minutes past a thousand', async () => {
    const i18n = (await import('i18next')).default.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false }, showSupportNotice: false });
    const { spanText } = await import('../../renderer/src/lib/format.js');
    expect(spanText(i18n.t, 1438 * 60 + 20)).toBe('23 小时 58 分');
    expect(spanText(i18n.t, 260)).toBe('4 分 20 秒');
    expect(spanText(i18n.t, 20)).toBe('20 秒');
    await i18n.changeLanguage('en');
    expect(spanText(i18n.t, 3600 * 2 + 60)).toBe('2 h 1 min');
  });
});
