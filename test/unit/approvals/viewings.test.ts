import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { approvalsOffice } from '../../support/approvals.js';
import { KEEPER, appPerTest, codeOf, scratch, type TestApp } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

/** Time passing in front of an open viewer window, which asks after its viewing every half minute. */
async function watch(o: { t: { clock: { advanceMinutes(m: number): void }; call: TestApp['call'] }; desk: string }, minutes: number): Promise<void> {
  for (let i = 0; i < minutes * 2; i++) {
    o.t.clock.advanceMinutes(0.5);
    await o.t.call('viewings.current', {}, o.desk);
  }
}

/** A party's approved viewing of one clip, for the next 20 minutes. */
async function partyApproved() {
  const o = await approvalsOffice(await open(), dir('rr-view-src-'));
  const { t } = o;
  const to = new Date(t.clock.now().getTime() + 20 * 60_000).toISOString();
  const asked = await t.call('requests.create', { kind: 'party_view', caseId: o.caseId, requester: { name: '王某某', department: '', idType: '居民身份证', idNumber: '', relation: '本人', contact: '' }, items: [{ kind: 'record', id: o.clipA.id }], purpose: '了解处罚依据', content: '现场录像', window: { from: o.window.from, to } }, o.token);
  // The workstation's session, which the viewing locks: the keeper's other session (o.token) stays free.
  const desk = await t.login(KEEPER.username, KEEPER.password);
  return { ...o, asked, desk };
}

describe('viewing at the workstation', () => {
  it('shows a party only the approved clip, only while approved, and keeps every step in the viewing register', async () => {
    const o = await partyApproved();
    const { t } = o;
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk))).toBe('NOT_APPROVED');
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    expect(viewing).toMatchObject({ person: '王某某', approvalNumber: o.asked.number, items: [{ recordId: o.clipA.id }], openedBy: '王秀兰', closedAt: null });
    const view = await t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.desk);
    expect(view.watermark.name).toBe(`王某某 · ${o.asked.number}`);
    expect(t.app.core.playback.resolve(view.ticket, o.desk)).not.toBeNull();
    // Not the other clip, although the keeper hosting the viewer may watch everything herself.
    expect(await codeOf(() => t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipB.id }, o.desk))).toBe('NOT_FOUND');
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'seek', position: 12.5 }, o.desk);
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'pause', position: 14 }, o.desk);
    expect(await codeOf(() => t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipB.id, event: 'play', position: 0 }, o.desk))).toBe('NOT_FOUND');
    // Leaving the viewer takes the keeper's password; a wrong one is refused, audited, and changes nothing.
    expect(await codeOf(() => t.call('viewings.unlock', { password: 'Guess2026' }, o.desk))).toBe('WRONG_PASSWORD');
    expect(t.app.core.playback.resolve(view.ticket, o.desk)).not.toBeNull();
    expect((await t.call('audit.list', { action: 'viewing.unlock_refused', limit: 5 }, o.token)).events).toHaveLength(1);
    const closed = await t.call('viewings.unlock', { password: KEEPER.password }, o.desk);
    expect(closed).toMatchObject({ closeReason: 'closed', events: [{ event: 'play' }, { event: 'seek', position: 12.5 }, { event: 'pause', position: 14 }] });
    // Closed means closed: the player stops and the session can't be used again.
    expect(t.app.core.playback.resolve(view.ticket, o.desk)).toBeNull();
    expect(await t.call('viewings.current', {}, o.desk)).toBeNull();
    // One sitting per approval: ended by the keeper, the approval is spent.
    expect(await t.call('requests.get', { id: o.asked.id }, o.token)).toMatchObject({ usedUp: true, liveGrants: 0 });
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk))).toBe('APPROVAL_USED');
    expect((await t.call('audit.list', { action: 'request.refused', limit: 5 }, o.token)).events.map((e) => `${String(e.details.step)}:${String(e.details.code)}`)).toEqual(['viewing:APPROVAL_USED', 'viewing:NOT_APPROVED']);
    expect(await codeOf(() => t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.desk))).toBe('NOT_FOUND');
    expect((await t.call('viewings.list', {}, await o.as('county'))).map((v) => v.id)).toEqual([viewing.id]);
    const wang = await o.as('wang');
    expect(await codeOf(() => t.call('viewings.list', {}, wang))).toBe('FORBIDDEN');
  });

  it('ends a viewing when the approved time runs out, and refuses one outside it', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    const view = await t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, o.desk);
    await watch(o, 12);
    await t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'play', position: 30 }, o.desk);
    await watch(o, 9);
    expect(t.app.core.playback.resolve(view.ticket, o.desk)).toBeNull();
    expect(await codeOf(() => t.call('viewings.log', { viewingId: viewing.id, recordId: o.clipA.id, event: 'pause', position: 31 }, o.desk))).toBe('VIEWING_CLOSED');
    expect((await t.call('viewings.get', { id: viewing.id }, await t.login(KEEPER.username, KEEPER.password))).closeReason).toBe('expired');
    // The viewer stays locked after its time is up, saying so, until the keeper comes back.
    expect(await t.call('viewings.current', {}, o.desk)).toMatchObject({ id: viewing.id, closeReason: 'expired' });
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk))).toBe('SESSION_LOCKED');
    await t.call('viewings.unlock', { password: KEEPER.password }, o.desk);
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk))).toBe('GRANT_NOT_LIVE');
  });

  it('locks the workstation session in the viewer, past the idle limit, and stops what the keeper had open', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const own = await t.call('records.play', { recordId: o.clipB.id }, o.desk);
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    expect(t.app.core.playback.resolve(own.ticket, o.desk)).toBeNull();
    const outside = [
      ['records.list', { limit: 5 }],
      ['cases.list', {}],
      ['requests.list', {}],
      ['auth.logout', {}],
      ['viewings.close', { viewingId: viewing.id, reason: '查阅人已离开' }],
      // Not even the language: it would be saved on the keeper's account.
      ['auth.setLanguage', { language: 'en' }],
    ] as const;
    for (const [method, input] of outside) {
      expect(await codeOf(() => t.call(method, input, o.desk)), method).toBe('SESSION_LOCKED');
    }
    // A long recording watched without a click: the viewer's window still asks after its viewing
    // every half minute, and the locked session doesn't expire under the party.
    await watch(o, 18);
    expect((await t.call('viewings.current', {}, o.desk))?.id).toBe(viewing.id);
    expect(await t.call('auth.me', {}, o.desk)).toMatchObject({ username: KEEPER.username });
    // The keeper's other session (idle meanwhile, so signed in again) is not locked, and may not play in this viewing.
    const other = await t.login(KEEPER.username, KEEPER.password);
    expect(await codeOf(() => t.call('viewings.play', { viewingId: viewing.id, recordId: o.clipA.id }, other))).toBe('NOT_FOUND');
    expect((await t.call('records.list', { limit: 5 }, other)).total).toBeGreaterThan(0);
  });

  it('closes as interrupted a viewing a crashed process left open', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    t.app.core.db.prepare('UPDATE viewings SET pid = ? WHERE id = ?').run(spawnSync('true').pid, viewing.id);
    t.app.core.viewings.recover();
    expect((await t.call('viewings.get', { id: viewing.id }, o.token)).closeReason).toBe('interrupted');
    expect((await t.call('audit.list', { action: 'viewing.closed', limit: 5 }, o.token)).events[0]?.details).toMatchObject({ reason: 'interrupted' });
  });

  it('counts wrong unlock passwords with sign-in failures and locks the account out, the viewer staying locked', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    // One failure at the sign-in screen and three guesses at the viewer: five is the threshold.
    expect(await codeOf(() => t.login(KEEPER.username, 'Wrong2026x'))).toBe('AUTH_FAILED');
    for (let i = 0; i < 3; i++) expect(await codeOf(() => t.call('viewings.unlock', { password: `Guess${i}2026` }, o.desk))).toBe('WRONG_PASSWORD');
    expect(await codeOf(() => t.call('viewings.unlock', { password: 'Guess92026' }, o.desk))).toBe('ACCOUNT_LOCKED');
    // Locked out: even the right password waits, at the viewer and at the sign-in screen alike.
    expect(await codeOf(() => t.call('viewings.unlock', { password: KEEPER.password }, o.desk))).toBe('ACCOUNT_LOCKED');
    expect(await codeOf(() => t.login(KEEPER.username, KEEPER.password))).toBe('ACCOUNT_LOCKED');
    expect(await t.call('viewings.current', {}, o.desk)).toMatchObject({ id: viewing.id, closedAt: null });
    expect(await codeOf(() => t.call('records.list', { limit: 5 }, o.desk))).toBe('SESSION_LOCKED');
    await watch(o, 16);
    expect(await t.call('viewings.unlock', { password: KEEPER.password }, o.desk)).toMatchObject({ closeReason: 'closed' });
    const desk = await t.login(KEEPER.username, KEEPER.password);
    const refused = (await t.call('audit.list', { action: 'viewing.unlock_refused', limit: 10 }, desk)).events.map((e) => e.details.reason);
    expect(refused).toEqual(['locked', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password']);
    expect((await t.call('audit.list', { action: 'auth.locked', limit: 5 }, desk)).events).toHaveLength(1);
  });

  it('refuses a second sitting on one approval while the first is open', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const first = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    expect(await t.call('requests.get', { id: o.asked.id }, o.token)).toMatchObject({ viewingOpen: true });
    const second = await t.login(KEEPER.username, KEEPER.password);
    expect(await codeOf(() => t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, second))).toBe('VIEWING_OPEN');
    expect(await t.call('viewings.current', {}, second)).toBeNull();
    expect((await t.call('viewings.list', {}, o.token)).map((v) => v.id)).toEqual([first.id]);
  });

  it('lets the keeper end an abandoned viewing with a reason, shown as such, spending the approval', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const viewing = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    expect(await codeOf(() => t.call('viewings.close', { viewingId: viewing.id, reason: ' ' }, o.token))).toBe('VALIDATION_FAILED');
    const ended = await t.call('viewings.close', { viewingId: viewing.id, reason: '查阅人中途离开，未回来' }, o.token);
    expect(ended).toMatchObject({ closeReason: 'abandoned', closeNote: '查阅人中途离开，未回来' });
    expect(await t.call('requests.get', { id: o.asked.id }, o.token)).toMatchObject({ usedUp: true, viewingOpen: false });
    expect(await codeOf(() => t.call('viewings.close', { viewingId: viewing.id, reason: '再结束一次' }, o.token))).toBe('VIEWING_CLOSED');
    expect((await t.call('audit.list', { action: 'viewing.closed', limit: 5 }, o.token)).events[0]?.details).toMatchObject({ reason: 'abandoned', note: '查阅人中途离开，未回来' });
    // The window left open shows the viewing ended and still waits for the keeper's password.
    expect(await t.call('viewings.current', {}, o.desk)).toMatchObject({ id: viewing.id, closeReason: 'abandoned' });
  });

  it('ends a viewing whose session is gone: a closed window, or the account signed out everywhere', async () => {
    const o = await partyApproved();
    const { t } = o;
    await t.call('requests.decide', { id: o.asked.id, outcome: 'approved' }, await o.as('liu'));
    const closedWindow = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, o.desk);
    // The window was closed: nothing asks after the viewing any more. The register's next read ends it.
    t.clock.advanceMinutes(6);
    const desk = await t.login(KEEPER.username, KEEPER.password);
    // The register says how it ended in its own words; why the session went is the audit line's.
    expect((await t.call('viewings.list', {}, desk)).find((v) => v.id === closedWindow.id)).toMatchObject({ closeReason: 'session_ended', closeNote: null });
    expect(await codeOf(() => t.call('viewings.current', {}, o.desk))).toBe('NOT_AUTHENTICATED');
    expect((await t.call('audit.list', { action: 'viewing.closed', limit: 5 }, desk)).events[0]?.details).toMatchObject({ reason: 'session_ended', why: 'viewer_silent' });
    // A session ending does not spend the approval: the person may sit down again inside the window.
    const again = await t.call('viewings.open', { requestId: o.asked.id, idCheck: '核对居民身份证' }, desk);
    t.app.core.auth.sessions.closeAllFor(1);
    expect((await t.call('viewings.get', { id: again.id }, await t.login(KEEPER.username, KEEPER.password))).closeReason).toBe('session_ended');
  });
});
