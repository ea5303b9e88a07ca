import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFields } from '../../../shared/contract/cases-dto.js';
import { make } from '../../support/media.js';
import { KEEPER, appPerTest, codeOf, scratch } from '../../support/test-app.js';

const scratchDir = scratch();
const { open, app } = appPerTest();

async function office() {
  const t = await open();
  const token = await t.login(KEEPER.username, KEEPER.password);
  const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
  const wu = await t.call('accounts.create', { username: 'wu', displayName: '吴敏', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
  const src = scratchDir('rr-case-src-');
  for (const n of ['现场1', '现场2', '现场3', '其他']) make.random(path.join(src, `${n}.mp4`), 50_000 + n.length);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  const records = (await t.call('records.list', { limit: 10 }, token)).records;
  const fields: CaseFields = {
    caseNo: '峡综执罚〔2026〕12号',
    kind: 'penalty',
    cause: '占道经营',
    parties: [{ kind: 'person', name: '王某某', idType: '居民身份证', idNumber: '640000199001011234', contact: '13800000000' }],
    handlerIds: [li.id, zhang.id],
    filedOn: '2026-11-20',
    decidedOn: null,
    closedOn: null,
    archivedOn: null,
    status: 'open',
  };
  return { token, li, zhang, wu, records, fields };
}

const FACTS = { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '峡口镇集贸市场东门', statement: '当事人在人行道摆摊经营' };

describe('cases', () => {
  it('files a case under the office pattern, once per number, with two handlers, and keeps its history', async () => {
    const { token, li, fields } = await office();
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, caseNo: '第12号' } }, token))).toBe('CASE_NO_PATTERN');
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, handlerIds: [li.id] } }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, handlerIds: [li.id, li.id] } }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, handlerIds: [li.id, 999] } }, token))).toBe('NOT_FOUND');
    // Handlers are officers: not the keeper (account 1), not a supervisor.
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, handlerIds: [li.id, 1] } }, token))).toBe('HANDLER_NOT_OFFICER');
    const county = await app().call('accounts.create', { username: 'county', displayName: '周督查', role: 'supervisor', isAdmin: false, password: 'County2026x' }, token);
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, handlerIds: [county.id, li.id] } }, token))).toBe('HANDLER_NOT_OFFICER');
    const created = await app().call('cases.create', { fields }, token);
    expect(created).toMatchObject({ caseNo: fields.caseNo, version: 1, handlers: [{ name: '李建国', officerNo: '000123' }, { name: '张伟' }], history: [{ action: 'created', by: KEEPER.displayName }] });
    expect(await codeOf(() => app().call('cases.create', { fields }, token))).toBe('CASE_NO_TAKEN');
    // Typed with plain brackets and full-width digits, it is still the same number.
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, caseNo: '峡综执罚[２０２６]12号' } }, token))).toBe('CASE_NO_TAKEN');

    const decided = await app().call('cases.update', { id: created.id, version: 1, fields: { ...fields, status: 'decided', decidedOn: '2026-11-23' } }, token);
    expect(decided).toMatchObject({ version: 2, status: 'decided' });
    expect(decided.history[0]).toMatchObject({ action: 'changed', record: null, changes: [{ field: 'status', old: 'open', new: 'decided' }, { field: 'decidedOn', old: null, new: '2026-11-23' }] });
    expect(await codeOf(() => app().call('cases.update', { id: created.id, version: 1, fields: { ...fields, cause: '改' } }, token))).toBe('STALE_VERSION');
    expect((await app().call('cases.list', { text: '王某某' }, token)).total).toBe(1);
    // Typed characters are themselves, not wildcards; and the parties are searched by name, not their JSON.
    for (const text of ['%', '_', '某_', 'name', 'person']) expect((await app().call('cases.list', { text }, token)).total, text).toBe(0);
    expect((await app().call('cases.list', { kind: 'inspection' }, token)).total).toBe(0);
    expect(() => app().app.core.db.prepare('DELETE FROM cases').run()).toThrow(/never deleted/);
    expect(() => app().app.core.db.prepare("UPDATE case_events SET action = 'created'").run()).toThrow(/never altered/);
  });

  it('links recordings as evidence only with their written description, and keeps every change', async () => {
    const { token, records, fields } = await office();
    const c = await app().call('cases.create', { fields }, token);
    const [a, b, d, other] = records.map((r) => r.id) as [number, number, number, number];
    expect(await codeOf(() => app().call('cases.link', { caseId: c.id, recordIds: [a], role: 'evidence' }, token))).toBe('EVIDENCE_FACTS_REQUIRED');
    expect(await codeOf(() => app().call('cases.link', { caseId: c.id, recordIds: [a], role: 'evidence', facts: { ...FACTS, place: ' ' } }, token))).toBe('VALIDATION_FAILED');
    const linked = await app().call('cases.link', { caseId: c.id, recordIds: [a, b, d], role: 'evidence', facts: FACTS }, token);
    expect(linked).toMatchObject({ evidenceCount: 3, otherCount: 0 });
    expect(linked.links.map((l) => l.facts?.place)).toEqual([FACTS.place, FACTS.place, FACTS.place]);
    const again = await app().call('cases.link', { caseId: c.id, recordIds: [a], role: 'evidence', facts: FACTS }, token);
    expect(again.history.filter((h) => h.action === 'linked')).toHaveLength(3);
    // Several links' written description corrected at once: one event each, naming only what changed.
    const corrected = await app().call('cases.link', { caseId: c.id, recordIds: [a, b], role: 'evidence', facts: { ...FACTS, place: '镇政府西路' } }, token);
    const nameOf = (id: number) => records.find((r) => r.id === id)?.originalPath;
    expect(corrected.history.slice(0, 2)).toMatchObject([
      { action: 'link_changed', record: nameOf(b), changes: [{ field: 'place', old: FACTS.place, new: '镇政府西路' }] },
      { action: 'link_changed', record: nameOf(a), changes: [{ field: 'place', old: FACTS.place, new: '镇政府西路' }] },
    ]);
    expect(corrected.links.filter((l) => l.facts?.place === '镇政府西路').map((l) => l.recordId).sort()).toEqual([a, b].sort());
    const withOther = await app().call('cases.link', { caseId: c.id, recordIds: [other, d], role: 'other' }, token);
    expect(withOther).toMatchObject({ evidenceCount: 2, otherCount: 2 });
    expect(withOther.history[0]).toMatchObject({ action: 'link_changed', record: nameOf(d), changes: expect.arrayContaining([{ field: 'role', old: 'evidence', new: 'other' }, { field: 'statement', old: FACTS.statement, new: null }]) });
    const link = withOther.links.find((l) => l.recordId === other);
    const unlinked = await app().call('cases.unlink', { linkId: link?.id ?? 0, reason: '误关联' }, token);
    expect(unlinked.otherCount).toBe(1);
    expect(unlinked.history[0]).toMatchObject({ action: 'unlinked', record: nameOf(other), changes: [{ field: 'role', old: 'other', new: null }, { field: 'reason', old: null, new: '误关联' }] });
    expect((app().app.core.db.prepare('SELECT count(*) AS n FROM record_links WHERE case_id = ?').get(c.id) as { n: number }).n).toBe(7);
    expect(() => app().app.core.db.prepare("UPDATE record_links SET role = 'other'").run()).toThrow(/only ever unlinked/);
    expect(() => app().app.core.db.prepare('DELETE FROM record_links').run()).toThrow(/never deleted/);
  });

  it('links to a closed case only with a reason', async () => {
    const { token, records, fields } = await office();
    const c = await app().call('cases.create', { fields: { ...fields, status: 'closed', closedOn: '2026-11-23' } }, token);
    const id = records[0]?.id ?? 0;
    expect(await codeOf(() => app().call('cases.link', { caseId: c.id, recordIds: [id], role: 'other' }, token))).toBe('CASE_CLOSED_NEEDS_REASON');
    const linked = await app().call('cases.link', { caseId: c.id, recordIds: [id], role: 'other', reason: '结案后补充移交的录音' }, token);
    expect(linked.links[0]).toMatchObject({ reason: '结案后补充移交的录音' });
  });

  it('shows officers only the cases they handle, and lets only the keeper file', async () => {
    const { token, li, zhang, wu, fields } = await office();
    const theirs = await app().call('cases.create', { fields }, token);
    const notTheirs = await app().call('cases.create', { fields: { ...fields, caseNo: '峡综执罚〔2026〕13号', handlerIds: [zhang.id, wu.id] } }, token);
    const officer = await app().login('li', 'Officer2026');
    void li;
    expect((await app().call('cases.list', {}, officer)).cases.map((c) => c.id)).toEqual([theirs.id]);
    expect(await codeOf(() => app().call('cases.get', { id: notTheirs.id }, officer))).toBe('NOT_FOUND');
    expect(await codeOf(() => app().call('cases.create', { fields: { ...fields, caseNo: '峡综执罚〔2026〕14号' } }, officer))).toBe('FORBIDDEN');
  });

  it('takes the office’s own case-number pattern from Settings, refusing a broken one', async () => {
    const { token, fields } = await office();
    const settings = await app().call('settings.get', {}, token);
    expect(await codeOf(() => app().call('settings.update', { cases: { numberPattern: '(' } }, token))).toBe('VALIDATION_FAILED');
    await app().call('settings.update', { cases: { numberPattern: '^XK-\\d{4}-\\d{3}$' } }, token);
    expect(await codeOf(() => app().call('cases.create', { fields }, token))).toBe('CASE_NO_PATTERN');
    expect((await app().call('cases.create', { fields: { ...fields, caseNo: 'XK-2026-001' } }, token)).caseNo).toBe('XK-2026-001');
    void settings;
  });
});
