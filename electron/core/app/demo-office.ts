import { DEMO_ACCOUNTS, DEMO_DEVICES, DEMO_PASSWORD } from '../../../shared/demo-accounts.js';
import type { Dispatcher } from '../rpc/dispatcher.js';

/**
 * A realistic sample office, built through the dispatcher like any user would, so its audit
 * trail is real. Later capabilities add sample media and cases here.
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
  await dispatcher.call('auth.logout', {}, token, workstation);
}
