import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseWithEvidence } from '../../support/discs.js';
import { runCli as cli } from '../../support/cli-process.js';
import { make } from '../../support/media.js';
import { openTestApp, scratch } from '../../support/test-app.js';

const scratchDir = scratch();

const AS_KEEPER = { RECORDS_PASSWORD: 'Archive2026' };

async function initialized(): Promise<string> {
  const d = scratchDir();
  const r = await cli(['--data', d, 'init', '--office', '峡口镇执法办', '--admin', 'keeper', '--name', '王秀兰', '--unit-code', 'XK-01'], { RECORDS_NEW_PASSWORD: 'Archive2026' });
  expect(r.code, r.err).toBe(0);
  return d;
}

describe('records disc and records requests', () => {
  it('builds a case’s disc images, checks them, and lists the register', async () => {
    const d = scratchDir();
    const t = await openTestApp({ dir: d });
    const { records: recs, li } = await caseWithEvidence(t, scratchDir());
    await t.app.close();
    const out = scratchDir();
    const photo = recs.find((x) => !x.officer);
    const blocked = await cli(['--data', d, '--user', 'keeper', 'disc', 'build', '--case', '峡综执罚〔2026〕12号', '--out', out], AS_KEEPER);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain(`✗ 记录 #${photo?.id} ${photo?.originalName}：未确定执法人员`);
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await cli(['--data', d, '--user', 'keeper', 'call', 'records.assignOfficer', JSON.stringify({ recordId: photo?.id, officerId: li.id })], AS_KEEPER)).code).toBe(0);
    const built = await cli(['--data', d, '--user', 'keeper', '--json', 'disc', 'build', '--case', '峡综执罚[2026]12号', '--medium', 'cd', '--out', out], AS_KEEPER);
    expect(built.code, built.err).toBe(0);
    const [disc] = JSON.parse(built.out).discs as { number: string; path: string; bytes: number; tagmanifestSha256: string; files: string[] }[];
    expect(disc).toMatchObject({ number: '2026-G0001', bytes: fs.statSync(disc?.path ?? '').size });
    expect(disc?.files).toHaveLength(recs.length);
    expect(fs.readdirSync(out)).toEqual([path.basename(disc?.path ?? '')]);
    const check = await cli(['--data', d, '--user', 'keeper', 'disc', 'check', disc?.path ?? ''], AS_KEEPER);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain(`光盘 ${disc?.number}（案件 峡综执罚〔2026〕12号）完好`);
    const again = await cli(['--data', d, '--user', 'keeper', '--json', 'disc', 'build', '--case', '峡综执罚〔2026〕12号', '--medium', 'cd', '--out', out, '--replaces', disc?.number ?? '', '--reason', '光盘损坏'], AS_KEEPER);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out).discs[0].number).toBe('2026-G0002');
    const list = await cli(['--data', d, '--user', 'keeper', 'disc', 'list'], AS_KEEPER);
    expect(list.out).toContain('已制作镜像，未刻录');
    expect(list.out.trim().split('\n')).toHaveLength(2);
    const stranger = scratchDir();
    fs.writeFileSync(path.join(stranger, 'bag-info.txt'), 'Bag-Group-Identifier: X\n');
    const unknown = await cli(['--data', d, '--user', 'keeper', '--json', 'disc', 'check', stranger], AS_KEEPER);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toMatchObject({ verdict: 'unknown' });
    const noCase = await cli(['--data', d, '--user', 'keeper', 'disc', 'build', '--case', '没有这个案件', '--out', out], AS_KEEPER);
    expect(noCase.code).toBe(1);
    expect((await cli(['--data', d, '--user', 'keeper', 'disc', 'build', '--case', 'x', '--medium', 'floppy', '--out', out], AS_KEEPER)).code).toBe(1);
  });

  it('lists the requests to view or borrow', async () => {
    const d = await initialized();
    expect((await cli(['--data', d, '--user', 'keeper', 'requests', 'list'], AS_KEEPER)).out).toContain('没有符合条件的申请');
    const camera = scratchDir();
    make.jpeg(path.join(camera, 'photo.jpg'));
    expect((await cli(['--data', d, '--user', 'keeper', 'import', camera], AS_KEEPER)).code).toBe(0);
    const window = { from: '2026-11-24T08:00:00.000Z', to: '2026-11-25T08:00:00.000Z' };
    const made = await cli(['--data', d, '--user', 'keeper', 'call', 'requests.create', JSON.stringify({ kind: 'department_view', requester: { name: '赵科长', department: '镇司法所' }, items: [{ kind: 'record', id: 1 }], purpose: '复议审查', content: '现场照片', window })], AS_KEEPER);
    expect(made.code, made.out).toBe(0);
    const list = await cli(['--data', d, '--user', 'keeper', 'requests', 'list', '--state', 'pending'], AS_KEEPER);
    expect(list.out).toContain('2026-S0001\t其他部门查阅\t待审批\t赵科长\tphoto.jpg');
    expect(JSON.parse((await cli(['--data', d, '--user', 'keeper', '--json', 'requests', 'list', '--state', 'approved'], AS_KEEPER)).out).total).toBe(0);
    expect((await cli(['--data', d, '--user', 'keeper', 'requests', 'list', '--state', 'maybe'], AS_KEEPER)).code).toBe(1);
  });

});
