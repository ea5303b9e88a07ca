import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, appPerTest, scratch } from '../../support/test-app.js';

const scratchDir = scratch();
const { open } = appPerTest();

describe('audit.list names what its events mention', () => {
  it('reads record:N as the file name, case:N as the case number and account ids as names', async () => {
    const t = await open();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
    const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
    const src = scratchDir('rr-audit-names-');
    make.random(path.join(src, '现场1.mp4'), 50_000);
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const [record] = (await t.call('records.list', { limit: 1 }, token)).records;
    if (!record) throw new Error('no record imported');
    await t.call('records.assignOfficer', { recordId: record.id, officerId: li.id }, token);
    const kase = await t.call('cases.create', {
      fields: {
        caseNo: '峡综执罚〔2026〕12号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某某', idType: '居民身份证', idNumber: '640000199001011234', contact: '13800000000' }],
        handlerIds: [li.id, zhang.id], filedOn: '2026-11-20', decidedOn: null, closedOn: null, archivedOn: null, status: 'open',
      },
    }, token);
    await t.call('cases.link', { caseId: kase.id, recordIds: [record.id], role: 'other' }, token);

    const { events } = await t.call('audit.list', { limit: 50 }, token);
    const of = (action: string) => events.find((e) => e.action === action);
    expect(events.find((e) => e.action === 'account.created' && e.target === `account:${li.id}`)?.names).toEqual({ [`account:${li.id}`]: '李建国' });
    expect(of('record.officer_assigned')?.names).toMatchObject({ [`record:${record.id}`]: '现场1.mp4', [`account:${li.id}`]: '李建国' });
    expect(of('case.linked')?.names).toEqual({ [`case:${kase.id}`]: '峡综执罚〔2026〕12号', [`record:${record.id}`]: '现场1.mp4' });
  });
});
