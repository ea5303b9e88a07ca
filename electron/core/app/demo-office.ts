import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_DEVICES, DEMO_PASSWORD } from '../../../shared/demo-accounts.js';
import { wallClockOf } from '../../../shared/rules/deadline.js';
import type { Dispatcher } from '../rpc/dispatcher.js';
import { writeDemoCameraDrive } from './demo-media.js';

/**
 * A realistic sample office, built through the dispatcher like any user would, so its audit
 * trail is real: accounts, cameras, a morning's recordings made by ffmpeg and imported from a
 * camera drive, and a case with evidence, so every screen has something real on it.
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
