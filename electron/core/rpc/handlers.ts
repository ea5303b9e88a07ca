import path from 'node:path';
import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/contract/methods.js';
import { AppError } from '../../../shared/errors.js';
import { requireAccount } from '../accounts/accounts-service.js';
import type { RecordsApp } from '../app/records-app.js';
import { ensureWritableDir } from '../datadir/probe.js';
import { listSources } from '../sources/sources.js';
import type { CallContext } from '../base/call-context.js';

type Handler<M extends MethodName> = (app: RecordsApp, input: ParsedInputOf<M>, ctx: CallContext) => OutputOf<M> | Promise<OutputOf<M>>;

function currentSettings(app: RecordsApp): OutputOf<'settings.get'> {
  const { settings } = app.core;
  return {
    office: settings.requireOffice(),
    security: settings.security(),
    ingest: settings.ingest(),
    timeliness: settings.timeliness(),
    integrity: settings.integrity(),
    cases: settings.cases(),
    storeDir: settings.storeDir(app.options.dataDir),
  };
}

/** One handler per contract method; the type makes a missing one a compile error. */
export const HANDLERS: { [M in MethodName]: Handler<M> } = {
  'system.status': (app) => app.status(),

  'system.setup': async (app, input, ctx) => {
    const { accounts, settings, audit } = app.core;
    if (settings.office()) throw new AppError('ALREADY_INITIALIZED', 'already set up');
    const office = { name: input.officeName, unitCode: input.unitCode };
    const storeDir = input.storeDir ? path.resolve(input.storeDir) : settings.storeDir(app.options.dataDir);
    if (input.storeDir && !path.isAbsolute(input.storeDir)) {
      throw new AppError('VALIDATION_FAILED', 'store folder must be absolute', { fields: 'storeDir' });
    }
    ensureWritableDir(storeDir);
    const account = await accounts.create(ctx, { ...input.admin, role: 'keeper', isAdmin: true }, () => {
      if (settings.office()) throw new AppError('ALREADY_INITIALIZED', 'already set up');
      settings.createOffice(office);
      if (input.storeDir) settings.setStoreDir(storeDir);
      audit.append({ ...ctx.auditBase(), action: 'system.initialized', target: 'office', details: { office, storeDir } });
    });
    return { account };
  },

  'auth.login': (app, input, ctx) => app.core.auth.login(input.username, input.password, ctx.workstation),
  'auth.logout': (app, _input, ctx) => {
    app.core.auth.logout(ctx.token ?? '', requireAccount(ctx), ctx.workstation);
    return { done: true };
  },
  'auth.me': (_app, _input, ctx) => requireAccount(ctx),
  'auth.changePassword': async (app, input, ctx) => {
    await app.core.accounts.changeOwnPassword(ctx, input.oldPassword, input.newPassword);
    return { done: true };
  },
  'auth.setLanguage': (app, input, ctx) => app.core.accounts.setLanguage(ctx, input.language),

  'accounts.list': (app) => app.core.accounts.list(),
  'accounts.create': (app, input, ctx) => app.core.accounts.create(ctx, input),
  'accounts.setDisabled': (app, input, ctx) => app.core.accounts.setDisabled(ctx, input.id, input.disabled),
  'accounts.setOfficerNo': (app, input, ctx) => app.core.accounts.setOfficerNo(ctx, input.id, input.officerNo),
  'devices.list': (app) => app.core.devices.list(),
  'devices.save': (app, input, ctx) => app.core.devices.save(ctx, input),
  'devices.setRetired': (app, input, ctx) => app.core.devices.setRetired(ctx, input.id, input.retired),
  'accounts.resetPassword': (app, input, ctx) => app.core.accounts.resetPassword(ctx, input.id, input.password),

  'settings.get': (app) => currentSettings(app),
  'settings.update': (app, input, ctx) => {
    app.core.settings.update(ctx, input);
    return currentSettings(app);
  },

  'audit.list': (app, input) => app.core.audit.list(input),
  'import.start': async (app, input, ctx) => ({ jobId: await app.core.imports.start(ctx, input.source, input.options) }),
  'import.sources': (app) => listSources(app.core.settings.ingest().sourceFolders),
  'import.preview': (app, input) => app.core.imports.preview(input.source),
  'import.get': (app, input) => app.core.imports.get(input.jobId),
  'import.cancel': (app, input, ctx) => app.core.imports.cancel(ctx, input.jobId),
  'import.recent': (app) => app.core.imports.recent(),
  'records.list': (app, input, ctx) => app.core.records.list(ctx, input),
  'records.posters': (app, input, ctx) => app.core.records.posters(ctx, input.ids),
  'integrity.status': (app) => app.core.fixity.status(app.core.settings.integrity().rotationDays),
  'integrity.check': (app, input, ctx) => ({ runId: app.core.fixity.start({ ...ctx.auditBase(), accountId: ctx.account?.id ?? null }, 'manual', input.scope) }),
  'integrity.get': (app, input) => app.core.fixity.detail(input.runId),
  'integrity.alarms': (app, input) => app.core.fixity.alarms.list(input.includeResolved),
  'integrity.resolveAlarm': (app, input, ctx) => app.core.integrity.resolve(ctx, input.id, input.note),
  'records.integrity': (app, input, ctx) => app.core.integrity.history(ctx, input.recordId),
  'integrity.restoreOriginal': async (app, input, ctx) => {
    await app.core.backup.restoreOriginal(ctx, input.recordId);
    const by = { ...ctx.auditBase(), accountId: ctx.account?.id ?? null };
    const checkRunId = app.core.fixity.start(by, 'manual', { kind: 'record', recordId: input.recordId });
    await app.core.fixity.wait(checkRunId);
    return { checkRunId };
  },
  'backup.targets': (app) => app.core.backup.targets(),
  'backup.addTarget': (app, input, ctx) => app.core.backup.addTarget(ctx, input),
  'backup.retireTarget': (app, input, ctx) => app.core.backup.retireTarget(ctx, input.id),
  'backup.run': (app, input, ctx) => ({ runId: app.core.backup.start({ ...ctx.auditBase(), accountId: ctx.account?.id ?? null }, 'manual', input.targetId) }),
  'backup.get': (app, input) => app.core.backup.getRun(input.runId),
  'records.timeline': (app, input, ctx) => app.core.records.timeline(ctx, input.deviceNo, input.day),
  'records.play': (app, input, ctx) => app.core.playback.open(ctx, input.recordId),
  'records.stopPlaying': (app, input, ctx) => {
    app.core.playback.close(ctx, input.ticket);
    return { done: true };
  },
  'cases.list': (app, input, ctx) => app.core.cases.list(ctx, input),
  'cases.get': (app, input, ctx) => app.core.cases.get(ctx, input.id),
  'cases.create': (app, input, ctx) => app.core.cases.create(ctx, input.fields),
  'cases.update': (app, input, ctx) => app.core.cases.update(ctx, input.id, input.version, input.fields),
  'cases.setLedgerFacts': (app, input, ctx) => app.core.cases.setLedgerFacts(ctx, input.id, input.version, input.facts),
  'cases.link': (app, input, ctx) => app.core.cases.link(ctx, input),
  'cases.unlink': (app, input, ctx) => app.core.cases.unlink(ctx, input.linkId, input.reason),
  'absences.list': (app, input) => app.core.absences.list(input.officerId),
  'absences.add': (app, input, ctx) => app.core.absences.add(ctx, input),
  'absences.withdraw': (app, input, ctx) => app.core.absences.withdraw(ctx, input.id, input.reason),
  'records.assignOfficer': (app, input, ctx) => app.core.records.assignOfficer(ctx, input.recordId, input.officerId, input.note),
  'records.explainLate': (app, input, ctx) => app.core.records.explainLate(ctx, input.recordId, input.reason),
  'requests.create': (app, input, ctx) => app.core.requests.create(ctx, input),
  'requests.list': (app, input, ctx) => app.core.requests.list(ctx, input),
  'requests.get': (app, input, ctx) => app.core.requests.get(ctx, input.id),
  'requests.decide': (app, input, ctx) => app.core.requests.decide(ctx, input.id, input),
  'requests.recordPaperDecision': (app, input, ctx) => app.core.requests.recordPaperDecision(ctx, input),
  'requests.findCase': (app, input, ctx) => app.core.requests.findCase(ctx, input.caseNo),
  'requests.form': (app, input, ctx) => app.core.requests.form(ctx, input.id),
  'requests.rules': (app) => app.core.requests.rules(),
  'requests.setRule': (app, input, ctx) => app.core.requests.setRule(ctx, input.kind, input.approverRole),
  'viewings.open': (app, input, ctx) => app.core.viewings.open(ctx, input.requestId, input.idCheck),
  'viewings.current': (app, _input, ctx) => app.core.viewings.current(ctx),
  'viewings.unlock': (app, input, ctx) => app.core.viewings.unlock(ctx, input.password),
  'viewings.play': (app, input, ctx) => app.core.viewings.play(ctx, input.viewingId, input.recordId),
  'viewings.log': (app, input, ctx) => {
    app.core.viewings.log(ctx, input.viewingId, input.recordId, input.event, input.position);
    return { done: true };
  },
  'viewings.close': (app, input, ctx) => app.core.viewings.abandon(ctx, input.viewingId, input.reason),
  'viewings.list': (app, input) => {
    app.core.viewings.sweep();
    return app.core.registers.viewings(input);
  },
  'viewings.get': (app, input) => app.core.viewings.get(input.id),
  'loans.lend': (app, input, ctx) => app.core.loans.lend(ctx, input.requestId, input.item, input.dueOn),
  'loans.return': (app, input, ctx) => app.core.loans.return(ctx, input.loanId, input.condition),
  'loans.list': (app, input) => app.core.registers.loans(input),
  'loans.receipt': (app, input, ctx) => app.core.loans.receipt(ctx, input.loanId),
  'retention.policy': (app) => app.core.retention.policy(),
  'retention.setPolicy': (app, input, ctx) => app.core.retention.setPolicy(ctx, input),
  'retention.record': (app, input, ctx) => {
    app.core.access.requireRecord(ctx, 'list', input.recordId);
    return app.core.retention.record(input.recordId);
  },
  'retention.review': (app) => app.core.retention.review(),
  'retention.warnings': (app) => app.core.retention.warnings(),
  'retention.hold': (app, input, ctx) => app.core.retention.hold(ctx, input.recordId, input.kind, input.reason),
  'retention.holds': (app) => app.core.retention.liveHolds(),
  'retention.lift': (app, input, ctx) => app.core.retention.lift(ctx, input.holdId, input.reason),
  'destruction.propose': (app, input, ctx) => app.core.destruction.propose(ctx, input.recordIds, input.reason),
  'destruction.decide': (app, input, ctx) => app.core.destruction.decide(ctx, input.id, input),
  'destruction.recordPaperDecision': (app, input, ctx) => app.core.destruction.recordPaperDecision(ctx, input),
  'destruction.list': (app, input) => app.core.destruction.list(input),
  'destruction.get': (app, input) => app.core.execution.withLastRun(app.core.destruction.get(input)),
  'destruction.form': (app, input, ctx) => app.core.destruction.form(ctx, input.id),
  'destruction.execute': (app, input, ctx) => ({ jobId: app.core.execution.execute(ctx, input.id) }),
  'destruction.job': (app, input) => app.core.execution.job(input.jobId),
  'registers.export': (app, input, ctx) => app.core.registers.export(ctx, input),
  'ledgers.get': (app, input) => app.core.ledgers.get(input),
  'ledgers.export': (app, input, ctx) => app.core.ledgers.export(ctx, input),
  'ledgers.due': (app) => app.core.ledgers.due(),
  'ledgers.markSent': (app, input, ctx) => app.core.ledgers.markSent(ctx, input.kind, input.month),
  'statistics.get': (app, input) => app.core.statistics.get(input),
  'statistics.export': (app, input, ctx) => app.core.statistics.export(ctx, input),
  'registers.rows': (app, input) => app.core.registers.rows(input),
  'spotChecks.draw': (app, input, ctx) => app.core.spotChecks.draw(ctx, input),
  'spotChecks.list': (app) => app.core.spotChecks.list(),
  'spotChecks.get': (app, input) => app.core.spotChecks.get(input.id),
  'spotChecks.addFinding': (app, input, ctx) => app.core.spotChecks.addFinding(ctx, input),
  'spotChecks.close': (app, input, ctx) => app.core.spotChecks.close(ctx, input.id, input.note || undefined),
  'spotChecks.report': (app, input, ctx) => app.core.spotChecks.report(ctx, input.id),
  'discs.plan': (app, input, ctx) => app.core.discs.plan(ctx, input.caseId, input.medium, input.recordIds),
  'discs.build': (app, input, ctx) => ({ jobId: app.core.discs.build(ctx, input) }),
  'discs.job': (app, input) => app.core.discs.job(input.jobId),
  'discs.cancel': (app, input) => app.core.discs.cancel(input.jobId),
  'discs.list': (app, input) => app.core.discs.list(input.caseId),
  'discs.get': (app, input) => app.core.discs.get(input.id),
  'discs.check': (app, input, ctx) => app.core.discs.check(ctx, input.path),
  'discs.drives': (app) => app.core.discs.drives(),
  'discs.burn': async (app, input, ctx) => ({ jobId: await app.core.discs.burn(ctx, input.discId, input.drive) }),
  'discs.labels': (app, input, ctx) => app.core.discs.labels(ctx, input.ids),
  'discs.setLocation': (app, input, ctx) => app.core.discs.setLocation(ctx, input.id, input.location),

  'audit.verify': (app, _input, ctx) => {
    const result = app.core.audit.verify();
    app.core.audit.append({
      ...ctx.auditBase(),
      action: 'audit.verified',
      details: { ok: result.ok, checked: result.checked, headSeq: result.headSeq, firstBroken: result.firstBroken },
    });
    return result;
  },
};
