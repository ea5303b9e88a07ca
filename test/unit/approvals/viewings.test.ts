import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { approvalsOffice } from '../../support/approvals.js';
import { appPerTest, codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

/** A party's approved viewing of one clip, for the next 20 minutes. */
async function partyApproved() {
  const o = await approvalsOffice(await open(), dir('rr-view-src-'));
  const { t } = o;
  const to = new Date(t.clock.now().getTime() + 20 * 60_000).toISOString();
  const asked = await t.call('requests.create', { kind: 'party_view', caseId: o.caseId, requester: { name: '王某某', department: '', idType: '居民身份证', idNumber: '', relation: '本人', contact: '' }, items: [{ kind: 'record', id: o.clipA.id }], purpose: '了解处罚依据', content: '现场录像', window: { from: o.window.from, to } }, o.token);
  return { ...o, asked };
}

describe('viewing at the workstation', () => {
  it('shows a party only the approved clip, only while approved, and keeps every step in the viewing register', async () => {
    const o = await partyApproved();
    const { t } = o;
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.token))).toBe('NOT_APPROVED');
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.token);
    expect(viewing).toMatchObject({ person: '王某某', approvalNumber: o.asked.number, items: [{ recordId: o.clipA.id }], openedBy: '王秀兰', closedAt: null });
    const view = await t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.token);
    expect(view.watermark.name).toBe(`王某某 · ${o.asked.number}`);
    expect(t.app.core.playback.resolve(view.ticket, o.token)).not.toBeNull();
    // Not the other clip, although the keeper hosting the viewer may watch everything herself.
    expect(await codeOf(() => t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipB.id }, o.token))).toBe('NOT_FOUND');
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'seek', position: 12.5 }, o.token);
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'pause', position: 14 }, o.token);
    expect(await codeOf(() => t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipB.id, event: 'play', position: 0 }, o.token))).toBe('NOT_FOUND');
    const closed = await t.call('viewings.close', { viewingId: viewing.id }, o.token);
    expect(closed).toMatchObject({ closeReason: 'closed', events: [{ event: 'play' }, { event: 'seek', position: 12.5 }, { event: 'pause', position: 14 }] });
    // Closed means closed: the player stops and the session can't be used again.
    expect(t.app.core.playback.resolve(view.ticket, o.token)).toBeNull();
    expect(await codeOf(() => t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.token))).toBe('VIEWING_CLOSED');
    expect((await t.call('viewings.list', {}, await o.as('county'))).map((v) => v.id)).toEqual([viewing.id]);
    const wang = await o.as('wang');
    expect(await codeOf(() => t.call('viewings.list', {}, wang))).toBe('FORBIDDEN');
  });

  it('ends a viewing when the approved time runs out, and refuses one outside it', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.token);
    const view = await t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.token);
    t.clock.advanceMinutes(12);
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'play', position: 30 }, o.token);
    t.clock.advanceMinutes(9);
    expect(t.app.core.playback.resolve(view.ticket, o.token)).toBeNull();
    expect(await codeOf(() => t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'pause', position: 31 }, o.token))).toBe('VIEWING_CLOSED');
    expect((await t.call('viewings.get', { id: viewing.id }, o.token)).closeReason).toBe('expired');
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.token))).toBe('GRANT_NOT_LIVE');
  });

  it('closes as interrupted a viewing a crashed process left open', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.token);
    t.app.core.db.prepare('UPDATE viewings SET pid = ? WHERE id = ?').run(spawnSync('true').pid, viewing.id);
    t.app.core.viewings.recover();
    expect((await t.call('viewings.get', { id: viewing.id }, o.token)).closeReason).toBe('interrupted');
    expect((await t.call('audit.list', { action: 'viewing.closed', limit: 5 }, o.token)).events[0]?.details).toMatchObject({ reason: 'interrupted' });
  });
});
