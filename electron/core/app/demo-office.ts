import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_DEVICES, DEMO_PASSWORD } from '../../../shared/demo-accounts.js';
import { wallClockOf } from '../../../shared/rules/deadline.js';
import { previousMonth } from '../../../shared/rules/ledger-period.js';
import { NO_LEDGER_FACTS } from '../../../shared/contract/ledgers-dto.js';
import type { Dispatcher } from '../rpc/dispatcher.js';
import { writeDemoCameraDrive } from './demo-media.js';

/**
 * A realistic sample office, built through the dispatcher like any user would, so its audit
 * trail is real: accounts, cameras, a morning's recordings made by ffmpeg and imported from a
 * camera drive (with a few years-old ones past their term), a case with evidence, and last month's
 * closed cases on the county ledger, so every screen — the expiry review, the ledgers, a spot
 * check — has something real on it.
 */
export async function seedDemoOffice(dispatcher: Dispatcher, workstation: string): Promise<void> {
  const [admin, ...others] = DEMO_ACCOUNTS;
  if (!admin) return;
  await dispatcher.call(
    'system.setup',
    { officeName: '峡口镇综合行政执法办公室', unitCode: 'XK-ZF-01', admin: { username: admin.username, displayName: admin.displayName, password: DEMO_PASSWORD } },
    null,
    workstation,
  );
  const { token } = await dispatcher.call('auth.login', { username: admin.username, password: DEMO_PASSWORD }, null, workstation);
  const ids = new Map<string, number>();
  for (const account of others) {
    const created = await dispatcher.call('accounts.create', { ...account, password: DEMO_PASSWORD }, token, workstation);
    ids.set(created.username, created.id);
  }
  for (const device of DEMO_DEVICES) {
    await dispatcher.call('devices.save', { deviceNo: device.deviceNo, label: device.label, officerId: ids.get(device.officer) ?? null }, token, workstation);
  }
  await importDemoRecordings(dispatcher, token, workstation, ids);
  await fileLastMonthsCases(dispatcher, token, workstation, ids);
  await dispatcher.call('auth.logout', {}, token, workstation);
}

async function importDemoRecordings(dispatcher: Dispatcher, token: string, workstation: string, accounts: Map<string, number>): Promise<void> {
  const call = dispatcher.call.bind(dispatcher);
  const { timeliness } = await call('settings.get', {}, token, workstation);
  const now = dispatcher.app.options.clock.now();
  const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'records-room-demo-camera-'));
  try {
    await writeDemoCameraDrive(drive, now, timeliness.timeZone);
    const { jobId } = await call('import.start', { source: drive }, token, workstation);
    await dispatcher.app.core.imports.wait(jobId);
  } finally {
    fs.rmSync(drive, { recursive: true, force: true });
  }
  const { records } = await call('records.list', { limit: 50 }, token, workstation);
  // The old card's items arrive years after their deadline: the keeper says why, as the rules ask.
  for (const r of records.filter((x) => x.timeliness && x.timeliness.secondsLate > 365 * 24 * 3600)) {
    await call('records.explainLate', { recordId: r.id, reason: '清理旧存储卡时发现的历史资料，补录入库' }, token, workstation);
  }
  const patrol = records.filter((r) => r.originalName.startsWith('T001'));
  const ids = (photos: boolean) => patrol.filter((r) => (r.mediaType === 'photo') === photos).map((r) => r.id);
  const today = wallClockOf(now, timeliness.timeZone).slice(0, 10);
  const handlers = ['officer1', 'officer2'].map((u) => accounts.get(u) ?? 0);
  const kase = await call(
    'cases.create',
    {
      fields: {
        caseNo: `峡综执罚〔${today.slice(0, 4)}〕1号`,
        kind: 'penalty',
        cause: '占道经营',
        parties: [{ kind: 'person', name: '王某某' }],
        handlerIds: handlers,
        filedOn: today,
        decidedOn: null,
        closedOn: null,
        archivedOn: null,
        status: 'open',
      },
    },
    token,
    workstation,
  );
  const facts = { collectors: ['李建国', '张伟'], collectedAt: `${today}T09:30:00`, place: '峡口镇集贸市场东门', statement: '当事人在集贸市场东门占道摆摊，执法人员现场告知并录像取证。' };
  await call('cases.link', { caseId: kase.id, recordIds: ids(false), role: 'evidence', facts }, token, workstation);
  await call('cases.link', { caseId: kase.id, recordIds: ids(true), role: 'other' }, token, workstation);
}

/** Last month's closed cases, as the county's ledgers count them: penalties and coercions, some facts still to fill. */
const LAST_MONTH: readonly { n: number; kind: 'penalty' | 'coercion'; cause: string; party: string; closedDay: number; decisionNo?: string; penalty?: string }[] = [
  { n: 2, kind: 'penalty', cause: '未经许可擅自设置户外广告', party: '峡口镇某某商行', closedDay: 4, decisionNo: '峡综执罚决〔Y〕2号', penalty: '责令限期拆除，罚款 2000 元' },
  { n: 3, kind: 'penalty', cause: '占道经营', party: '李某某', closedDay: 7, decisionNo: '峡综执罚决〔Y〕3号', penalty: '警告' },
  { n: 4, kind: 'coercion', cause: '违法建设拒不停工', party: '赵某', closedDay: 11 },
  { n: 5, kind: 'penalty', cause: '随意倾倒建筑垃圾', party: '峡口镇某某建材店', closedDay: 15, decisionNo: '峡综执罚决〔Y〕5号', penalty: '罚款 5000 元' },
  { n: 6, kind: 'penalty', cause: '未按规定设置防尘设施', party: '某某建筑有限公司', closedDay: 19 },
  { n: 7, kind: 'coercion', cause: '查封违法经营场所', party: '孙某某', closedDay: 22 },
  { n: 8, kind: 'penalty', cause: '占道堆放杂物', party: '周某', closedDay: 26, decisionNo: '峡综执罚决〔Y〕8号', penalty: '警告' },
];

async function fileLastMonthsCases(dispatcher: Dispatcher, token: string, workstation: string, accounts: Map<string, number>): Promise<void> {
  const call = dispatcher.call.bind(dispatcher);
  const { timeliness } = await call('settings.get', {}, token, workstation);
  const { from } = previousMonth(wallClockOf(dispatcher.app.options.clock.now(), timeliness.timeZone).slice(0, 10));
  const month = from.slice(0, 7);
  const year = from.slice(0, 4);
  const handlerIds = ['officer1', 'officer2'].map((u) => accounts.get(u) ?? 0);
  for (const c of LAST_MONTH) {
    const closedOn = `${month}-${String(c.closedDay).padStart(2, '0')}`;
    const kase = await call(
      'cases.create',
      {
        fields: {
          caseNo: `峡综执${c.kind === 'penalty' ? '罚' : '强'}〔${year}〕${c.n}号`,
          kind: c.kind,
          cause: c.cause,
          parties: [{ kind: c.party.length > 3 ? 'organisation' : 'person', name: c.party }],
          handlerIds,
          filedOn: `${month}-01`,
          decidedOn: closedOn,
          closedOn,
          archivedOn: null,
          status: 'closed',
        },
      },
      token,
      workstation,
    );
    if (c.decisionNo) {
      const facts = { ...NO_LEDGER_FACTS, decisionNo: c.decisionNo.replace('Y', year), penalty: c.penalty ?? null, mainFacts: `当事人${c.cause}，经调查属实。` };
      await call('cases.setLedgerFacts', { id: kase.id, version: kase.version, facts }, token, workstation);
    }
  }
}
