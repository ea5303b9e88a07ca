import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/audit-actions.js';
import type { AuditEventDto } from '../../../shared/contract/dto.js';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';
import { auditSentence } from '../../../renderer/src/pages/audit/sentence.js';

/** One event with the kinds of details the services record, so every template gets its values. */
function event(action: AuditEventDto['action']): AuditEventDto {
  return {
    seq: 7, at: '2026-11-20T02:10:00.000Z', actorId: 1, actorName: '王秀兰', workstation: 'ws', action, target: 'record:3',
    details: { recordId: 3, recordIds: [3], officerId: 2, previous: null, username: 'li', reason: 'wrong_password', until: '2026-11-20T02:40:00.000Z', old: 'zh-CN', new: 'en', size: 151898, bytes: 151898, cleared: 0, kept: [], seconds: 75, state: 'finished', kind: 'mismatch', role: 'officer', ok: true, checked: 12 },
    names: { 'record:3': '现场1.mp4', 'account:2': '李建国' },
    prevHash: '', hash: '',
  };
}

describe('audit sentences', () => {
  it('every audited action has a sentence in both languages', () => {
    for (const messages of [zhCN, en]) {
      const missing = AUDIT_ACTIONS.filter((a) => !(messages.auditSentences as Record<string, string>)[a]);
      expect(missing).toEqual([]);
    }
  });

  it('read as sentences with names, never raw keys, ids or empty placeholders', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { 'zh-CN': { translation: { ...zhCN, ...SHARED_MESSAGES['zh-CN'] } }, en: { translation: { ...en, ...SHARED_MESSAGES.en } } },
      lng: 'zh-CN',
      showSupportNotice: false,
    });
    for (const lng of ['zh-CN', 'en']) {
      await i18n.changeLanguage(lng);
      for (const action of AUDIT_ACTIONS) {
        const text = auditSentence(i18n.t, event(action));
        expect(text, action).not.toMatch(/\{\{|auditSentences|record:\d|undefined|\[object/);
      }
    }
    await i18n.changeLanguage('zh-CN');
    expect(auditSentence(i18n.t, event('record.officer_assigned'))).toBe('王秀兰 把记录 “现场1.mp4” 指定给 李建国（原为 无人）');
    await i18n.changeLanguage('en');
    expect(auditSentence(i18n.t, event('record.officer_assigned'))).toBe('王秀兰 assigned record “现场1.mp4” to 李建国 (was nobody)');
    // An exported register names the register and the period its filter covered.
    const exported = { ...event('register.exported'), target: null, details: { register: 'loans', format: 'xlsx', rows: 12, filters: { from: '2026-11-01', to: '2026-11-30', state: 'out' } } };
    expect(auditSentence(i18n.t, exported)).toBe('王秀兰 exported the lending register (2026-11-01 to 2026-11-30, 12 entries, Excel)');
    await i18n.changeLanguage('zh-CN');
    expect(auditSentence(i18n.t, { ...exported, details: { register: 'viewings', format: 'pdf', rows: 3, filters: {} } })).toBe('王秀兰 导出查阅登记（全部期间，3 条，PDF）');
  });
});
