import type { DestructionListDto } from '../../../shared/contract/destruction-dto.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import type { DestructionListForm } from '../documents/destruction-list-form.js';

const STATE_TEXT = SHARED_MESSAGES['zh-CN'].decisions;

/** A camera's wall-clock time as printed: to the minute, with a space. */
const wallClock = (v: string | null) => (v ? v.replace('T', ' ').slice(0, 16) : null);

/**
 * A list as its printed form shows it, times in the office's zone. `printHead` is the audit chain
 * head when printing: an undecided list carries it, a decided one the head it was decided at.
 */
export function destructionFormOf(l: DestructionListDto, office: string, timeZone: string, printHead: { seq: number; hash: string }): DestructionListForm {
  const at = (instant: string) => officeTime(instant, timeZone).slice(0, 16);
  const d = l.decision;
  return {
    office,
    number: l.number,
    state: STATE_TEXT[l.state],
    reason: l.reason,
    proposedAt: at(l.proposedAt),
    proposedBy: l.proposedBy,
    totalBytes: l.items.reduce((sum, i) => sum + i.size, 0),
    items: l.items.map((i) => ({ name: i.name, officer: i.officer, recordedAt: wallClock(i.recordedAt), keptThrough: i.keptThrough, sha256: i.sha256 })),
    decision: d ? { outcome: d.outcome, by: d.by, at: at(d.at), reason: d.reason, source: d.source, recordedBy: d.recordedBy, paperScanSha256: d.paperScanSha256, witness: d.witness } : null,
    chainHead: d ? { ...d.chainHead, when: 'decided' } : { ...printHead, when: 'printed' },
  };
}
