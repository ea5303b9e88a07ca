import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsEvidenceStore } from '../../../electron/core/store/fs-store.js';
import { runCli as cli } from '../../support/cli-process.js';
import { make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch } from '../../support/test-app.js';

const scratchDir = scratch();

const AS_KEEPER = { RECORDS_PASSWORD: KEEPER.password };
const AS_LEADER = { RECORDS_PASSWORD: 'Leader2026x' };

describe('records retention execute', () => {
  it('executes an approved list as the keeper, and refuses a list not approved, one executed already, and the leader', async () => {
    const d = scratchDir();
    const t = await openTestApp({ dir: d });
    const token = await t.login(KEEPER.username, KEEPER.password);
    await t.call('accounts.create', { username: 'liu', displayName: '刘分管', role: 'responsible_leader', isAdmin: false, password: 'Leader2026x' }, token);
    const src = scratchDir();
    make.wav(path.join(src, 'T001_000123_20220301093000_0001.WAV'), 1);
    make.wav(path.join(src, 'T001_000123_20220601100000_0002.WAV'), 2);
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const records = (await t.call('records.list', { limit: 10 }, token)).records;
    const [first, second] = records;
    const leader = await t.login('liu', 'Leader2026x');
    const approved = await t.call('destruction.propose', { recordIds: [first?.id ?? 0], reason: '保管期限届满' }, token);
    await t.call('destruction.decide', { id: approved.id, outcome: 'approved' }, leader);
    const pending = await t.call('destruction.propose', { recordIds: [second?.id ?? 0], reason: '保管期限届满' }, token);
    const storeDir = t.app.core.settings.storeDir(d);
    await t.app.close();
    const run = (user: string, env: Record<string, string>, ...args: string[]) => cli(['--data', d, '--user', user, ...args], env);

    const notApproved = await run('keeper', AS_KEEPER, 'retention', 'execute', pending.number);
    expect(notApproved.code).not.toBe(0);
    expect(notApproved.err).toContain(`销毁清单 ${pending.number} 没有获得分管领导批准`);
    const byLeader = await run('liu', AS_LEADER, 'retention', 'execute', approved.number);
    expect(byLeader.code).not.toBe(0);

    const done = await run('keeper', AS_KEEPER, 'retention', 'execute', approved.number);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain(`销毁清单 ${approved.number} 已执行：销毁 1 条记录`);
    expect(fs.existsSync(new FsEvidenceStore(storeDir).objectPath(first?.sha256 ?? ''))).toBe(false);
    expect(fs.existsSync(new FsEvidenceStore(storeDir).objectPath(second?.sha256 ?? ''))).toBe(true);

    const twice = await run('keeper', AS_KEEPER, '--json', 'retention', 'execute', approved.number);
    expect(twice.code).not.toBe(0);
    expect(twice.err).toContain(`销毁清单 ${approved.number} 已于`);
  }, 120_000);
});
