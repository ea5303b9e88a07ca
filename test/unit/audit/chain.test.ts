import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/audit/chain.js';
import { KEEPER, openTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

/** Opens the catalogue the way an attacker with a SQLite tool would, triggers dropped. */
function tamper(dir: string, sql: string): void {
  const outside = new Database(path.join(dir, 'records.db'));
  outside.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  outside.exec(sql);
  outside.close();
}

async function withEvents(): Promise<string> {
  t = await openTestApp();
  const token = await t.login(KEEPER.username, KEEPER.password);
  for (let i = 0; i < 3; i++) await t.call('accounts.create', { username: `o${i}`, displayName: `执法${i}`, role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
  return token;
}

describe('hash-chained audit log', () => {
  it('chains every event to the one before and verifies clean', async () => {
    const token = await withEvents();
    const result = await t.call('audit.verify', {}, token);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBe(result.headSeq);
    const { events } = await t.call('audit.list', { limit: 500 }, token);
    const ordered = [...events].reverse();
    ordered.forEach((e, i) => i > 0 && expect(e.prevHash).toBe(ordered[i - 1]?.hash));
  });

  it('names an edited event as the first broken link', async () => {
    const token = await withEvents();
    tamper(t.dir, "UPDATE audit_events SET actor_name = '别人' WHERE seq = 4");
    const result = await t.call('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq: 4, reason: 'hash_mismatch' });
    expect(result.checked).toBe(3);
  });

  it('names a deleted event by its missing number', async () => {
    const token = await withEvents();
    tamper(t.dir, 'DELETE FROM audit_events WHERE seq = 3');
    expect((await t.call('audit.verify', {}, token)).firstBroken).toEqual({ seq: 3, reason: 'gap' });
  });

  it('catches an edit whose hash was recomputed, through the next link', async () => {
    const token = await withEvents();
    tamper(t.dir, "UPDATE audit_events SET hash = 'f00d' WHERE seq = 2");
    expect((await t.call('audit.verify', {}, token)).firstBroken).toEqual({ seq: 2, reason: 'hash_mismatch' });
  });

  it('refuses changes through SQL while the triggers stand', async () => {
    await withEvents();
    const db = t.app.core.db;
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('filters by action, account, text and time, newest first, with paging', async () => {
    const token = await withEvents();
    const created = await t.call('audit.list', { action: 'account.created', limit: 2 }, token);
    expect(created.total).toBe(4);
    expect(created.events).toHaveLength(2);
    expect(created.events[0]!.seq).toBeGreaterThan(created.events[1]!.seq);
    const next = await t.call('audit.list', { action: 'account.created', limit: 2, beforeSeq: created.nextBeforeSeq ?? 0 }, token);
    expect(next.events).toHaveLength(2);
    expect(next.nextBeforeSeq).toBeNull();
    expect((await t.call('audit.list', { text: '执法1', limit: 10 }, token)).total).toBe(1);
    expect((await t.call('audit.list', { from: '2030-01-01T00:00:00.000Z', limit: 10 }, token)).total).toBe(0);
    expect((await t.call('audit.list', { actorId: 1, action: 'auth.login', limit: 10 }, token)).total).toBe(1);
  });

  it('hashes details canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
});
