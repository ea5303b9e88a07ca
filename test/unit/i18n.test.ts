import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/audit-actions.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { CLI_TEXTS } from '../../electron/cli/texts.js';
import { SHARED_MESSAGES } from '../../shared/i18n/messages.js';

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

describe("a decision's state", () => {
  it('has one word in the app, the command line and the printed forms, kept in the shared table', () => {
    // The command line said 未批准 where the app said 不予批准; the app's requests said "Pending" where its lists said "Awaiting approval".
    const own = (texts: object, prefix = ''): string[] =>
      Object.entries(texts).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? own(v as object, `${prefix}${k}.`) : /(^|_|[a-z])[sS]tate_(pending|approved|rejected|executed)$/.test(k) && !k.startsWith('code_') ? [`${prefix}${k}`] : []));
    for (const texts of [zhCN, en, CLI_TEXTS['zh-CN'], CLI_TEXTS.en]) expect(own(texts)).toEqual([]);
    expect(SHARED_MESSAGES['zh-CN'].decisions.rejected).toBe('不予批准');
  });
});
