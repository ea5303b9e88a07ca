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
