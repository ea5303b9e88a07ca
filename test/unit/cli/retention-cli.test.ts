import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../../support/cli-process.js';
import { make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch } from '../../support/test-app.js';

const scratchDir = scratch();

const AS_KEEPER = { RECORDS_PASSWORD: KEEPER.password };
const AS_LEADER = { RECORDS_PASSWORD: 'Leader2026x' };

describe('records retention', () => {
  it('reviews what has expired, proposes a list as the keeper, and takes the responsible leader’s decision, refusing what the rules forbid', async () => {
    const d = scratchDir();
    const t = await openTestApp({ dir: d });
    const token = await t.login(KEEPER.username, KEEPER.password);
    await t.call('accounts.create', { username: 'liu', displayName: '刘分管', role: 'responsible_leader', isAdmin: false, password: 'Leader2026x' }, token);
    const src = scratchDir();
    make.wav(path.join(src, 'T001_000123_20220301093000_0001.WAV'), 1);
    make.wav(path.join(src, 'T001_000123_20220601100000_0002.WAV'), 2);
    make.wav(path.join(src, 'T001_000123_20261120093000_0003.WAV'), 3);
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const records = (await t.call('records.list', { limit: 10 }, token)).records;
    await t.app.close();
    const id = (seq: string) => records.find((r) => r.originalName.endsWith(`_${seq}.WAV`))?.id ?? 0;
    const run = (user: string, env: Record<string, string>, ...args: string[]) => cli(['--data', d, '--user', user, ...args], env);

    const review = await run('keeper', AS_KEEPER, 'retention', 'review');
    expect(review.code, review.err).toBe(0);
    expect(review.out).toContain('可列入销毁清单的记录 2 条');
    expect(review.out).toContain('T001_000123_20220301093000_0001.WAV');
    expect(review.out).toContain('保管 3 年，自 2022-03-01（记录仪时间）起算');
    const json = await run('keeper', AS_KEEPER, '--json', 'retention', 'review');
    expect(JSON.parse(json.out)).toMatchObject({ total: 2 });

    const early = await run('keeper', AS_KEEPER, 'retention', 'propose', '--records', `${id('0001')},${id('0003')}`, '--reason', '期满销毁');
    expect(early.code).not.toBe(0);
    expect(early.err).toContain(`记录 #${id('0003')}“T001_000123_20261120093000_0003.WAV”的保管期限还没有届满`);
    const byLeader = await run('liu', AS_LEADER, 'retention', 'propose', '--records', String(id('0001')), '--reason', '期满销毁');
    expect(byLeader.code).not.toBe(0);

    const proposed = await run('keeper', AS_KEEPER, 'retention', 'propose', '--records', `${id('0001')},${id('0002')}`, '--reason', '保管期限届满');
    expect(proposed.code, proposed.err).toBe(0);
    expect(proposed.out).toContain('销毁清单 2026-X0001（待审批，2 条记录）：保管期限届满');
    const again = await run('keeper', AS_KEEPER, '--json', 'retention', 'propose', '--records', String(id('0002')), '--reason', '再次');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('已列入销毁清单 2026-X0001');

    const keeperApproves = await run('keeper', AS_KEEPER, 'retention', 'approve', '2026-X0001');
    expect(keeperApproves.code).not.toBe(0);
    const approved = await run('liu', AS_LEADER, 'retention', 'approve', '2026-X0001', '--reason', '同意销毁');
    expect(approved.code, approved.err).toBe(0);
    expect(approved.out).toContain('已批准销毁清单 2026-X0001（2 条记录），审批人：刘分管');
    const twice = await run('liu', AS_LEADER, 'retention', 'reject', '2026-X0001', '--reason', '改主意');
    expect(twice.code).not.toBe(0);
    expect(twice.err).toContain('2026-X0001 已经审批过');
  }, 120_000);
});
