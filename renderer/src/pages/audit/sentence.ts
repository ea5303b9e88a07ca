import type { TFunction } from 'i18next';
import type { AuditEventDto } from '../../../../shared/contract/dto.js';
import { DISC_MEDIA } from '../../../../shared/rules/disc-media.js';
import { formatBytes, formatDuration } from '../../lib/format-size.js';
import { formatInstant, formatWallClock } from '../../lib/format.js';

/** At most this many file names in one sentence; the rest are counted ("and 12 more"). */
const NAMES_SHOWN = 3;

type Details = Record<string, unknown>;

/**
 * One audit event as a sentence in the reader's language — who did what to which record, case
 * or account — from the template `auditSentences.<action>`. The ids the log keeps are read
 * through the names the core looked up when it listed the event.
 */
export function auditSentence(t: TFunction, event: AuditEventDto): string {
  return t(`auditSentences.${event.action}`, {
    ...sentenceValues(t, event),
    interpolation: { escapeValue: false },
    // An event written before a detail existed still reads as a sentence, with a dash for what it lacks.
    missingInterpolationHandler: () => '—',
  });
}

function sentenceValues(t: TFunction, e: AuditEventDto): Record<string, string> {
  const d = e.details;
  const ref = (kind: string, id: unknown) => (typeof id === 'number' ? (e.names[`${kind}:${id}`] ?? `#${id}`) : t('auditWords.nobody'));
  const recordIds = Array.isArray(d.recordIds) ? d.recordIds : [];
  const shown = recordIds.slice(0, NAMES_SHOWN).map((id) => `“${ref('record', id)}”`);
  const extra = recordIds.length - shown.length;
  return {
    ...plainValues(t, d),
    actor: e.actorName ?? t('common.system'),
    target: targetName(t, e),
    officer: ref('account', d.officerId),
    previous: e.action === 'record.officer_assigned' ? ref('account', d.previous) : text(t, d.previous),
    record: `“${ref('record', d.recordId)}”`,
    records: extra > 0 ? t('auditWords.andMore', { names: shown.join('、'), count: extra }) : shown.join('、'),
    changes: changes(t, e),
    office: isObject(d.office) ? String(d.office.name) : '',
    size: typeof d.size === 'number' ? formatBytes(d.size) : '',
    bytes: typeof d.bytes === 'number' ? formatBytes(d.bytes) : '',
    duration: typeof d.seconds === 'number' ? formatDuration(d.seconds) : '',
    until: typeof d.until === 'string' ? formatInstant(d.until, false) : '',
    startsAt: typeof d.startsAt === 'string' ? formatWallClock(d.startsAt, false) : '',
    returnedAt: typeof d.returnedAt === 'string' ? formatWallClock(d.returnedAt, false) : '',
    kind: typeof d.kind === 'string' ? t(e.action.startsWith('case.') ? `cases.kind_${d.kind}` : `integrity.kind_${d.kind}`) : '',
    role: typeof d.role === 'string' ? t(e.action.startsWith('case.') ? `auditWords.link_${d.role}` : `roles.${d.role}`) : '',
    state: typeof d.state === 'string' ? t(`importer.state_${d.state}`) : '',
    result: d.ok === false ? t('auditWords.chainBroken', { seq: isObject(d.firstBroken) ? d.firstBroken.seq : '' }) : t('auditWords.chainOk', { count: Number(d.checked ?? 0) }),
    kept: Array.isArray(d.kept) ? String(d.kept.length) : '0',
    sha: typeof d.sha256 === 'string' ? `${d.sha256.slice(0, 12)}…` : '',
    ...(e.action.startsWith('disc.') ? discValues(t, e, ref) : {}),
    ...(e.action.startsWith('request.') || e.action.startsWith('destruction.') ? requestValues(t, e, ref) : {}),
    ...(e.action.startsWith('destruction.') ? { witness: ref('account', d.witnessId) } : {}),
    ...(e.action === 'viewing.closed' && typeof d.reason === 'string' ? { reason: t(`auditWords.viewing_${d.reason}`) } : {}),
    ...(e.action === 'register.exported' ? registerValues(t, d) : {}),
    ...(e.action.startsWith('ledger.') ? { ledger: t(`ledgers.title_${String(d.kind)}`), format: t(`ledgers.format_${String(d.format)}`, { defaultValue: '' }) } : {}),
    ...(e.action === 'statistics.exported' && typeof d.chart === 'string' ? { chart: t(`statistics.chart_${d.chart}`) } : {}),
    ...(e.action.startsWith('retention.hold') && typeof d.kind === 'string' ? { holdKind: t(`retention.hold_${d.kind}`) } : {}),
  };
}

/** What an exported register's sentence names: which register, the period it covered, the file type. */
function registerValues(t: TFunction, d: Details): Record<string, string> {
  const filters = isObject(d.filters) ? d.filters : {};
  const day = (v: unknown) => (typeof v === 'string' ? v : '…');
  return {
    register: typeof d.register === 'string' ? t(`auditWords.register_${d.register}`, { defaultValue: d.register }) : t('auditWords.none'),
    period: filters.from || filters.to ? t('auditWords.registerPeriod', { from: day(filters.from), to: day(filters.to) }) : t('auditWords.wholeRegister'),
    format: d.format === 'xlsx' ? 'Excel' : 'PDF',
  };
}

/** What the request sentences name: the kind of request, the leader a rule names, a refusal's reason, in words. */
function requestValues(t: TFunction, e: AuditEventDto, ref: (kind: string, id: unknown) => string): Record<string, string> {
  const d = e.details;
  const actor = e.actorName ?? t('common.system');
  return {
    requestKind: typeof d.kind === 'string' ? t(`auditWords.request_${d.kind}`) : '',
    approver: typeof d.to === 'string' ? t(`roles.${d.to}`) : '',
    // A paper decision was made by the leader who signed it and entered by the keeper: both are named.
    decider: typeof d.decidedBy === 'number' ? ref('account', d.decidedBy) : actor,
    paper: d.source === 'paper' ? t('auditWords.paperDecision', { actor }) : '',
    failure: typeof d.code === 'string' ? t(`errors.${d.code}`, { ...d, defaultValue: d.code }) : t('auditWords.none'),
  };
}

/** What the disc sentences name: the case, the medium as printed, a replacement, a failure or a check's verdict, in words. */
function discValues(t: TFunction, e: AuditEventDto, ref: (kind: string, id: unknown) => string): Record<string, string> {
  const d = e.details;
  const out: Record<string, string> = {
    caseNo: ref('case', d.caseId),
    replacing: typeof d.replaces === 'number' ? t('auditWords.replacing', { number: ref('disc', d.replaces), reason: text(t, d.reason) }) : '',
    failure: typeof d.code === 'string' ? t(`errors.${d.code}`, { ...d, defaultValue: d.code }) : t('auditWords.none'),
    discs: Array.isArray(d.discIds) ? d.discIds.map((id) => ref('disc', id)).join(t('discs.sep')) : '',
    problemCount: String(Array.isArray(d.problems) ? d.problems.length : 0),
  };
  if (typeof d.medium === 'string' && d.medium in DISC_MEDIA) out.medium = DISC_MEDIA[d.medium as keyof typeof DISC_MEDIA].label;
  if (typeof d.verdict === 'string') out.verdict = d.verdict === 'unknown' ? t('auditWords.originUnknown') : t(`discs.verdict_${d.verdict}`);
  // A check of a disc this office never made names no disc.
  if (e.action === 'disc.checked' && !e.target) out.target = t('auditWords.unregisteredDisc');
  return out;
}

/** What the event is about: a record by file name, a case by number, an account by name, a settings section by title. */
function targetName(t: TFunction, e: AuditEventDto): string {
  const target = e.target;
  if (!target) return '';
  const named = e.names[target];
  if (named) return target.startsWith('record:') ? `“${named}”` : named;
  const m = /^[a-z]+:(\d+)$/.exec(target);
  if (m) return `#${m[1]}`;
  // Settings sections have a title; anything else (a stray file's path) reads as recorded.
  return /^[a-z]+$/.test(target) ? t(`auditTargets.${target}`, { defaultValue: target }) : target;
}

/** Details that are plain words or numbers, in the reader's language; anything nested is described elsewhere. */
function plainValues(t: TFunction, d: Details): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(d)) if (value === null || typeof value !== 'object') out[key] = text(t, value);
  return out;
}

function text(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('auditWords.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') return t(`auditValues.${value}`, { defaultValue: value });
  return String(value);
}

function isObject(v: unknown): v is Details {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * "old → new" for each setting or field that differs between `details.old` and `details.new`
 * (settings, camera register, officer numbers, languages); unchanged ones are left out.
 */
function changes(t: TFunction, e: AuditEventDto): string {
  const { old, new: next } = e.details;
  const shown = (key: string, v: unknown) => {
    if (key === 'officerId') return typeof v === 'number' ? (e.names[`account:${v}`] ?? `#${v}`) : t('auditWords.nobody');
    if (key === 'language' || e.action === 'account.language_changed') return t(`lang.${String(v)}`, { defaultValue: String(v) });
    return Array.isArray(v) ? v.join('、') || t('auditWords.none') : text(t, v);
  };
  // Rules, calendars and pattern lists don't fit in a sentence: the sentence says they changed, the raw record has them.
  const simple = (v: unknown) => !isObject(v) && !(Array.isArray(v) && v.some(isObject));
  if (!isObject(old) || !isObject(next)) return old === next ? '' : `${shown('', old)} → ${shown('', next)}`;
  return Object.keys({ ...old, ...next })
    .filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k]))
    .map((k) => {
      const label = t(`auditKeys.${k}`, { defaultValue: k });
      return simple(old[k]) && simple(next[k]) ? `${label} ${shown(k, old[k])} → ${shown(k, next[k])}` : t('auditWords.changedField', { label });
    })
    .join('；');
}
