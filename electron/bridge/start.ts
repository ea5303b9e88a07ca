import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RecordsApp } from '../core/app/records-app.js';
import { workstationName } from '../core/base/workstation.js';
import { resolveDataDir } from '../core/datadir/paths.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../shared/demo-accounts.js';
import { seedDemoOffice } from '../core/app/demo-office.js';
import { Dispatcher } from '../core/rpc/dispatcher.js';
import { startBridge } from './server.js';

/** Entry of the browser shell: `node dist/electron/bridge.js [--data DIR] [--port N] [--demo]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      reason: { type: 'string' },
    },
  });
  const dataDir = values.demo ? fs.mkdtempSync(path.join(os.tmpdir(), 'records-room-demo-')) : resolveDataDir(values.data);
  const app = RecordsApp.open({ dataDir, shell: 'browser', exclusive: true, demo: values.demo });
  if (app.error?.code === 'INSTANCE_LOCKED') {
    process.stderr.write(
      `该数据目录已被另一个正在运行的记录室程序使用：${dataDir}\nThis data folder is already in use by another running instance: ${dataDir}\n`,
    );
    process.exit(3);
  }
  const dispatcher = new Dispatcher(app);
  void app.startBackgroundWork();
  if (values.demo) await seedDemoOffice(dispatcher, workstationName('browser'));
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const bridge = await startBridge({ dispatcher, rendererDir, port: values.port ? Number(values.port) : 0 });

  const lines = [
    values.reason ? `${values.reason}` : '',
    '执法音像档案室已在浏览器模式下运行（仅本机 127.0.0.1 可访问）。请在浏览器中打开：',
    'Records Room is running in browser mode (reachable from this computer only). Open:',
    '',
    `    ${bridge.launchUrl}`,
    '',
    `数据目录 / data folder: ${dataDir}`,
  ];
  if (values.demo) {
    lines.push(`演示账号 / demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
  if (app.error) lines.push(`注意 / Note: ${app.error.code} — the app shows the details.`);
  lines.push('按 Ctrl+C 退出 / Press Ctrl+C to stop.');
  process.stdout.write(`${lines.filter((l, i) => l !== '' || i > 0).join('\n')}\nBRIDGE_URL=${bridge.launchUrl}\n`);

  const stop = () => {
    void bridge.close().then(async () => {
      await app.close();
      if (values.demo) fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
