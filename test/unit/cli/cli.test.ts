import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/contract/methods.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { make } from '../../support/media.js';
import { scratch, tempDir } from '../../support/test-app.js';

const dirs: string[] = [];
const scratchDir = scratch();
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
// `records` runs the built CLI, as users get it: build it from the sources under test first.
beforeAll(() => execFileSync(process.execPath, ['scripts/build-electron.mjs', 'cli']), 60_000);

function records(args: string[], env: Record<string, string> = {}, input = '') {
  const run = spawnSync(process.execPath, ['bin/records.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, RECORDS_LANG: 'zh-CN', RECORDS_PASSWORD: '', RECORDS_NEW_PASSWORD: '', ...env },
    input,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function initialized(): string {
  const d = scratchDir();
  const r = records(['--data', d, '--json', 'init', '--office', '峡口镇执法办', '--admin', 'keeper', '--name', '王秀兰', '--unit-code', 'XK-01'], {
    RECORDS_NEW_PASSWORD: 'Archive2026',
  });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ ok: true, account: { username: 'keeper', role: 'keeper', isAdmin: true } });
  return d;
}

const AS_KEEPER = { RECORDS_PASSWORD: 'Archive2026' };

describe('records command line', () => {
  it('initializes once and refuses a second init', () => {
    const d = initialized();
    const again = records(['--data', d, 'init', '--office', 'x', '--admin', 'yy', '--name', '李四'], { RECORDS_NEW_PASSWORD: 'Archive2026' });
    expect(again.code).toBe(1);
    expect(again.err).toContain('已完成初始化');
    const tooShort = records(['--data', d, 'init', '--office', 'x', '--admin', 'y', '--name', '李四'], { RECORDS_NEW_PASSWORD: 'Archive2026' });
    expect(tooShort.err).toContain('admin.username');
  });

  it('adds, lists and disables accounts as the acting user', () => {
    const d = initialized();
    const add = records(['--data', d, '--user', 'keeper', '--json', 'user', 'add', 'officer1', '--role', 'officer', '--name', '李建国'], {
      ...AS_KEEPER,
      RECORDS_NEW_PASSWORD: 'Officer2026',
    });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.out).account).toMatchObject({ username: 'officer1', role: 'officer' });
    const list = records(['--data', d, '--user', 'keeper', 'user', 'list'], AS_KEEPER);
    expect(list.out).toContain('李建国\t执法人员');
    expect(records(['--data', d, '--user', 'keeper', 'user', 'disable', 'officer1'], AS_KEEPER).code).toBe(0);
    const json = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'user', 'list'], AS_KEEPER).out);
    expect(json.accounts.find((a: { username: string }) => a.username === 'officer1').disabled).toBe(true);
    const refused = records(['--data', d, '--user', 'officer1', 'user', 'list'], { RECORDS_PASSWORD: 'Officer2026' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已停用');
  });

  it('fails clearly: wrong password, no password, bad role, unknown user, no --user, uninitialized folder', () => {
    const d = initialized();
    expect(records(['--data', d, '--user', 'keeper', 'user', 'list'], { RECORDS_PASSWORD: 'nope' }).err).toContain('用户名或密码错误');
    expect(records(['--data', d, '--user', 'keeper', 'user', 'list']).err).toContain('RECORDS_PASSWORD');
    const badRole = records(['--data', d, '--user', 'keeper', 'user', 'add', 'x1', '--role', 'janitor', '--name', 'X'], AS_KEEPER);
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('--role (keeper, officer');
    expect(records(['--data', d, '--user', 'keeper', 'user', 'disable', 'ghost'], AS_KEEPER).code).toBe(1);
    expect(records(['--data', d, 'user', 'list']).code).toBe(1);
    const empty = scratchDir();
    const un = records(['--data', empty, '--json', '--user', 'keeper', 'user', 'list'], AS_KEEPER);
    expect(un.code).toBe(1);
    expect(JSON.parse(un.out)).toMatchObject({ ok: false, error: { code: 'NOT_INITIALIZED' } });
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(records(['no-such-command']).code).toBe(2);
  });

  it('leaves a mistyped --data untouched and says what to check; says how to sign in', () => {
    const typo = path.join(scratchDir(), 'archiv');
    const r = records(['--data', typo, '--user', 'keeper', 'user', 'list'], AS_KEEPER);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${typo} 中没有档案`);
    expect(r.err).toContain('--data');
    expect(fs.existsSync(typo)).toBe(false);
    expect(records(['--data', initialized(), 'user', 'list']).err).toContain('--user 用户名');
  });

  it("says commander's complaints in the CLI's language", () => {
    const unknownOption = records(['--bogus']);
    expect(unknownOption).toMatchObject({ code: 2 });
    expect(unknownOption.err).toContain('未知选项 --bogus');
    expect(unknownOption.err).toContain('records --help');
    expect(records(['lst']).err).toContain('未知命令 lst。\n（是否想输入 list？）');
    expect(records(['import']).err).toContain('缺少必需的参数 source');
    expect(records(['call'])).toMatchObject({ code: 2, err: expect.stringContaining('缺少必需的参数 method') });
    expect(records(['init', '--admin', 'keeper']).err).toContain('缺少必需的选项 --office <name>');
    // A person's name, not a username, is what a disc's description and a register print.
    expect(records(['init', '--office', '峡口镇', '--admin', 'keeper']).err).toContain('缺少必需的选项 --name <displayName>');
    expect(records(['--data']).err).toContain('选项 --data <dir> 缺少取值');
    expect(records(['--bogus'], { RECORDS_LANG: 'en' }).err).toContain('Unknown option --bogus');
  });

  it('runs any method of the contract as the signed-in account, with the same checks', () => {
    const d = initialized();
    records(['--data', d, '--user', 'keeper', 'user', 'add', 'li', '--role', 'officer', '--name', '李建国'], { ...AS_KEEPER, RECORDS_NEW_PASSWORD: 'Officer2026' });
    const as = (user: string) => ['--data', d, '--user', user, 'call'];
    const me = records([...as('keeper'), 'auth.me'], AS_KEEPER);
    expect(me.code).toBe(0);
    expect(JSON.parse(me.out)).toMatchObject({ username: 'keeper', role: 'keeper' });

    const forbidden = records([...as('li'), 'accounts.list'], { RECORDS_PASSWORD: 'Officer2026' });
    expect(forbidden.code).toBe(1);
    expect(JSON.parse(forbidden.out)).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'accounts.read' } });

    const invalid = records([...as('keeper'), 'records.list', '{"limit":0}'], AS_KEEPER);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: 'limit' } });
    const notJson = records([...as('keeper'), 'records.list', '{limit:1'], AS_KEEPER);
    expect(notJson.code).toBe(1);
    expect(JSON.parse(notJson.out)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: 'JSON' } });
    const unknown = records([...as('keeper'), 'records.delete', '{}'], AS_KEEPER);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toMatchObject({ code: 'UNKNOWN_METHOD', details: { method: 'records.delete' } });
    expect(unknown.err).toContain('records call --list');

    const camera = scratchDir();
    make.random(path.join(camera, 'DCIM', 'a.mp4'), 60_000);
    // A job started by `call` runs to its end before the process exits, and is read back through the contract.
    const started = records([...as('keeper'), 'import.start', '-'], AS_KEEPER, JSON.stringify({ source: camera }));
    expect(started.code).toBe(0);
    const { jobId } = JSON.parse(started.out);
    const job = JSON.parse(records([...as('keeper'), 'import.get', JSON.stringify({ jobId })], AS_KEEPER).out);
    expect(job).toMatchObject({ state: 'finished', summary: { imported: 1 } });
    const audit = JSON.parse(records([...as('keeper'), 'audit.list', '{"action":"import.finished"}'], AS_KEEPER).out);
    expect(audit.events[0]).toMatchObject({ actorName: '王秀兰', target: `import:${jobId}` });
    // Playing needs a screen: the command line can't show a view, so it can't be audited as one.
    const [clip] = JSON.parse(records([...as('keeper'), 'records.list', '{"limit":1}'], AS_KEEPER).out).records as { id: number }[];
    const play = records([...as('keeper'), 'records.play', JSON.stringify({ recordId: clip!.id })], AS_KEEPER);
    expect(play.code).toBe(1);
    expect(JSON.parse(play.out)).toMatchObject({ code: 'UNKNOWN_METHOD', details: { method: 'records.play' } });
    expect(JSON.parse(records([...as('keeper'), 'audit.list', '{"action":"record.viewed"}'], AS_KEEPER).out).events).toEqual([]);
  });

  it('lists every method with its access and its input as JSON Schema', () => {
    const r = records(['call', '--list']);
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.out) as { method: string; access: string; input: { type?: string; oneOf?: { type?: string }[] } }[];
    const onScreenOnly = new Set(Object.entries(METHODS).flatMap(([name, spec]) => ('screen' in spec && spec.screen ? [name] : [])));
    expect(onScreenOnly).toEqual(new Set(['records.play', 'records.stopPlaying', 'viewings.open', 'viewings.current', 'viewings.unlock', 'viewings.play', 'viewings.log']));
    expect(listed.map((m) => m.method).sort()).toEqual(Object.keys(METHODS).filter((m) => !onScreenOnly.has(m)).sort());
    for (const m of listed) {
      expect(m.access).toBe(METHODS[m.method as keyof typeof METHODS].access);
      // An object, or one of several object shapes (a register export names which register it is).
      expect(m.input.type ?? (m.input.oneOf?.every((o) => o.type === 'object') ? 'object' : undefined), m.method).toBe('object');
    }
    expect(listed.find((m) => m.method === 'records.list')?.input).toMatchObject({ properties: { limit: { type: 'integer' } } });
  });

  it('puts the evidence store where init is told, and refuses a store folder it cannot write', () => {
    const d = tempDir();
    const store = tempDir();
    dirs.push(d, store);
    const r = records(['--data', d, '--json', 'init', '--office', '峡口镇', '--admin', 'keeper', '--name', '王秀兰', '--store', path.join(store, '证据 库')], { RECORDS_NEW_PASSWORD: 'Archive2026' });
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(store, '证据 库'))).toBe(true);
    const blocked = scratchDir();
    fs.writeFileSync(path.join(blocked, 'file'), 'x');
    const bad = records(['--data', tempDir(), 'init', '--office', '峡口镇', '--admin', 'keeper', '--name', '王秀兰', '--store', path.join(blocked, 'file', 'sub')], { RECORDS_NEW_PASSWORD: 'Archive2026' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('无法使用文件夹');
  });

  it('imports a folder and lists it, with one JSON summary', () => {
    const d = initialized();
    const camera = scratchDir();
    make.random(path.join(camera, 'DCIM', '执法 记录 01.mp4'), 100_000);
    make.empty(path.join(camera, 'DCIM', 'empty.mp4'));
    const r = records(['--data', d, '--user', 'keeper', '--json', 'import', camera], AS_KEEPER);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ state: 'finished', imported: 2, duplicates: 0, failed: 0, bytes: 100_000, flagged: 2 });
    expect(summary.records.find((x: { size: number }) => x.size === 0).flags).toEqual(['empty']);
    expect(summary.records.map((x: { path: string }) => x.path).sort()).toEqual(['DCIM/empty.mp4', 'DCIM/执法 记录 01.mp4']);
    expect(summary.records[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'import', camera], AS_KEEPER).out);
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect(records(['--data', d, '--user', 'keeper', 'list'], AS_KEEPER).out).toContain('DCIM/执法 记录 01.mp4');
    const missing = records(['--data', d, '--user', 'keeper', 'import', path.join(camera, 'nope')], AS_KEEPER);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到要导入的文件夹');
    const itself = records(['--data', d, '--user', 'keeper', 'import', path.join(d, 'store')], AS_KEEPER);
    expect(itself.code).toBe(1);
    expect(itself.err).toContain('它是档案自己的数据目录或证据库');
    const listed = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'list'], AS_KEEPER).out);
    const human = records(['--data', d, '--user', 'keeper', 'list'], AS_KEEPER).out;
    expect(human).toContain('导入时间（Asia/Shanghai）');
    expect(human).toContain(`\t${officeTime(listed.records[0].importedAt, 'Asia/Shanghai')}\t`);
  });

  it('imports for a named officer and camera, and clears the camera when asked', () => {
    const d = initialized();
    const added = records(['--data', d, '--user', 'keeper', 'user', 'add', 'li', '--role', 'officer', '--name', '李建国', '--officer-no', '000123'], { ...AS_KEEPER, RECORDS_NEW_PASSWORD: 'Officer2026' });
    expect(added.code).toBe(0);
    const camera = scratchDir();
    make.random(path.join(camera, 'DCIM', 'VID_0001.mp4'), 50_000);
    const unknown = records(['--data', d, '--user', 'keeper', 'import', camera, '--officer', '999999'], AS_KEEPER);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('没有警号为 999999 的在用账号');
    const r = records(['--data', d, '--user', 'keeper', '--json', 'import', camera, '--officer', '000123', '--device', 'T050', '--clear-device'], AS_KEEPER);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ imported: 1, cleared: 1, notCleared: 0, clearance: [{ path: 'DCIM/VID_0001.mp4', cleared: true, reason: null }] });
    expect(fs.readdirSync(path.join(camera, 'DCIM'))).toEqual([]);
    const listed = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'list'], AS_KEEPER).out);
    expect(listed.records[0]).toMatchObject({ officer: { name: '李建国', source: 'keeper' }, attribution: { device: 'T050', deviceSource: 'keeper' } });
  });

  it('verifies the store and exits 1 naming a changed original', () => {
    const d = initialized();
    const camera = scratchDir();
    make.random(path.join(camera, 'a.mp4'), 80_000);
    make.random(path.join(camera, 'b.mp4'), 90_000);
    records(['--data', d, '--user', 'keeper', 'import', camera], AS_KEEPER);
    const ok = records(['--data', d, '--user', 'keeper', '--json', 'verify'], AS_KEEPER);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ state: 'finished', checked: 2, ok: 2, problems: [], auditChainOk: true });
    const [sha] = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'list'], AS_KEEPER).out).records.map((r: { sha256: string }) => r.sha256);
    const file = path.join(d, 'store', 'objects', sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    const bad = records(['--data', d, '--user', 'keeper', 'verify', '--sample', '2'], AS_KEEPER);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('被改动 1');
    expect(bad.out).toContain(`mismatch ${sha}`);
    expect(records(['--data', d, '--user', 'keeper', 'verify', '--since', 'yesterday-ish'], AS_KEEPER).err).toContain('--since');
  });

  it('backs up, restores into a new folder, and the restored archive verifies', () => {
    const d = initialized();
    const camera = scratchDir();
    make.random(path.join(camera, '执法 01.mp4'), 120_000);
    records(['--data', d, '--user', 'keeper', 'import', camera], AS_KEEPER);
    expect(records(['--data', d, '--user', 'keeper', 'backup'], AS_KEEPER)).toMatchObject({ code: 1 });
    const target = scratchDir();
    const done = records(['--data', d, '--user', 'keeper', 'backup', '--target', target], AS_KEEPER);
    expect(done.code).toBe(0);
    expect(done.out).toContain('新复制 1 个原件');
    const again = JSON.parse(records(['--data', d, '--user', 'keeper', '--json', 'backup'], AS_KEEPER).out);
    expect(again.runs[0]).toMatchObject({ state: 'finished', summary: { copied: 0, alreadyThere: 1 } });
    const rebuilt = path.join(scratchDir(), 'archive');
    const restored = records(['--data', rebuilt, 'restore', '--from', target], {});
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('恢复原件 1 个，缺失 0 个');
    expect(records(['--data', rebuilt, 'restore', '--from', target], {}).err).toContain('不是空的');
    const verified = records(['--data', rebuilt, '--user', 'keeper', '--json', 'verify'], AS_KEEPER);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ checked: 1, ok: 1, unexpected: 0, auditChainOk: true });
  });

  it('speaks English when asked', () => {
    const d = initialized();
    const r = records(['--data', d, '--user', 'keeper', 'user', 'list'], { RECORDS_PASSWORD: 'bad', RECORDS_LANG: 'en' });
    expect(r.err).toContain('Wrong username or password');
  });

  it('verifies the audit chain and names the first broken link', () => {
    const d = initialized();
    const ok = records(['--data', d, '--user', 'keeper', '--json', 'audit', 'verify'], AS_KEEPER);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, firstBroken: null });

    const outside = new Database(path.join(d, 'records.db'));
    outside.exec("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET details = '{}' WHERE seq = 2;");
    outside.close();
    const broken = records(['--data', d, '--user', 'keeper', 'audit', 'verify'], AS_KEEPER);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('第 2 条');
  });

  it('refuses a corrupt database without changing it', () => {
    const d = initialized();
    const db = path.join(d, 'records.db');
    const outside = new Database(db);
    outside.pragma('wal_checkpoint(TRUNCATE)');
    outside.close();
    const bytes = fs.readFileSync(db);
    bytes.fill(0x41, 0, 16);
    fs.writeFileSync(db, bytes);
    const r = records(['--data', d, '--user', 'keeper', 'user', 'list'], AS_KEEPER);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已损坏');
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
  });
});
