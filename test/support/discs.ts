import path from 'node:path';
import type { CaseFields } from '../../shared/contract/cases-dto.js';
import type { DiscDto } from '../../shared/contract/discs-dto.js';
import { make } from './media.js';
import { KEEPER, type TestApp } from './test-app.js';

export const FACTS = { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '峡口镇集贸市场东门', statement: '当事人在人行道摆摊经营，拒不整改' };

/** An office with two officers, three camera recordings of one event and a photo no camera named, all evidence of one case. */
export async function caseWithEvidence(t: TestApp, src: string) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
  make.h264(path.join(src, 'T001_000123_20261120093000_0001.MP4'), 1);
  make.h264(path.join(src, 'T001_000123_20261120093500_0002.MP4'), 2);
  make.wav(path.join(src, 'T001_000123_20261120094000_0003.WAV'));
  make.jpeg(path.join(src, '集贸市场东门 现场照片.jpg'));
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  const records = (await t.call('records.list', { limit: 10 }, token)).records;
  const fields: CaseFields = {
    caseNo: '峡综执罚〔2026〕12号',
    kind: 'penalty',
    cause: '占道经营',
    parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }],
    handlerIds: [li.id, zhang.id],
    filedOn: '2026-11-20',
    decidedOn: null,
    closedOn: null,
    archivedOn: null,
    status: 'open',
  };
  const c = await t.call('cases.create', { fields }, token);
  await t.call('cases.link', { caseId: c.id, recordIds: records.map((r) => r.id), role: 'evidence', facts: FACTS }, token);
  return { token, caseId: c.id, records, li };
}

/** The case above with its photo attributed, built onto one DVD image in `outDir`. */
export async function builtDisc(t: TestApp, src: string, outDir: string): Promise<{ token: string; disc: DiscDto }> {
  const { token, caseId, records, li } = await caseWithEvidence(t, src);
  for (const r of records.filter((x) => !x.officer)) await t.call('records.assignOfficer', { recordId: r.id, officerId: li.id, note: '现场照片由李建国拍摄' }, token);
  const job = await t.app.core.discs.wait((await t.call('discs.build', { caseId, medium: 'dvd', outDir }, token)).jobId);
  if (job.state !== 'finished') throw new Error(`build ${job.state}: ${JSON.stringify(job.problem)}`);
  return { token, disc: t.app.core.discs.register.one(job.discIds[0] ?? 0) };
}
