/**
 * A process of its own that executes destruction list `listId` in the data folder `dir` and is
 * killed outright (SIGKILL) right after the first record is destroyed: no handler runs, nothing is
 * flushed or closed, as when the power goes. Run by a test with `tsx`; it never exits by itself.
 *   tsx test/support/die-executing.ts DIR LIST_ID USERNAME PASSWORD
 */
import { RecordsApp } from '../../electron/core/app/records-app.js';
import { Dispatcher } from '../../electron/core/rpc/dispatcher.js';
import { FakeClock } from './fake-clock.js';

const [dir = '', listId = '', username = '', password = ''] = process.argv.slice(2);
const app = RecordsApp.open({ dataDir: dir, shell: 'cli', clock: new FakeClock() });
const dispatcher = new Dispatcher(app, () => undefined);
const { token } = await dispatcher.call('auth.login', { username, password }, null, 'dying (cli)');
app.core.execution.hooks.afterItem = () => process.kill(process.pid, 'SIGKILL');
await dispatcher.call('destruction.execute', { id: Number(listId) }, token, 'dying (cli)');
await new Promise(() => undefined);
