import type { DeviceDto } from '../../../shared/contract/dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';

interface DeviceRow {
  id: number;
  device_no: string;
  label: string;
  officer_id: number | null;
  officer_name: string | null;
  retired: 0 | 1;
  created_at: string;
}

const SELECT = 'SELECT d.*, a.display_name AS officer_name FROM devices d LEFT JOIN accounts a ON a.id = d.officer_id';

function toDto(r: DeviceRow): DeviceDto {
  return { id: r.id, deviceNo: r.device_no, label: r.label, officerId: r.officer_id, officerName: r.officer_name, retired: r.retired === 1, createdAt: r.created_at };
}

/** The equipment register: which camera is issued to which officer. Every change is audited. */
export class DevicesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(): DeviceDto[] {
    return (this.db.prepare(`${SELECT} ORDER BY d.retired, d.device_no`).all() as DeviceRow[]).map(toDto);
  }

  get(id: number): DeviceDto {
    const row = this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DeviceRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no device ${id}`, { id });
    return toDto(row);
  }

  /** The officer a camera is issued to now, if it is registered and in service. */
  officerOf(deviceNo: string): number | null {
    const row = this.db.prepare('SELECT officer_id FROM devices WHERE device_no = ? AND retired = 0').get(deviceNo) as { officer_id: number | null } | undefined;
    return row?.officer_id ?? null;
  }

  save(ctx: CallContext, input: { id?: number; deviceNo: string; label: string; officerId: number | null }): DeviceDto {
    if (input.officerId !== null && !this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(input.officerId)) {
      throw new AppError('NOT_FOUND', `no account ${input.officerId}`, { id: input.officerId });
    }
    const clash = this.db.prepare('SELECT id FROM devices WHERE device_no = ?').get(input.deviceNo) as { id: number } | undefined;
    if (clash && clash.id !== input.id) throw new AppError('NUMBER_TAKEN', 'device number taken', { number: input.deviceNo });
    const id = this.db.transaction(() => {
      if (input.id === undefined) {
        const created = Number(
          this.db.prepare('INSERT INTO devices (device_no, label, officer_id, created_at) VALUES (?, ?, ?, ?)').run(input.deviceNo, input.label, input.officerId, this.clock.now().toISOString()).lastInsertRowid,
        );
        this.audit.append({ ...ctx.auditBase(), action: 'device.registered', target: `device:${created}`, details: { deviceNo: input.deviceNo, label: input.label, officerId: input.officerId } });
        return created;
      }
      const old = this.get(input.id);
      this.db.prepare('UPDATE devices SET device_no = ?, label = ?, officer_id = ? WHERE id = ?').run(input.deviceNo, input.label, input.officerId, input.id);
      this.audit.append({
        ...ctx.auditBase(),
        action: 'device.changed',
        target: `device:${input.id}`,
        details: { old: { deviceNo: old.deviceNo, label: old.label, officerId: old.officerId }, new: { deviceNo: input.deviceNo, label: input.label, officerId: input.officerId } },
      });
      return input.id;
    })();
    return this.get(id);
  }

  setRetired(ctx: CallContext, id: number, retired: boolean): DeviceDto {
    const device = this.get(id);
    if (device.retired === retired) return device;
    this.db.transaction(() => {
      this.db.prepare('UPDATE devices SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
      this.audit.append({ ...ctx.auditBase(), action: retired ? 'device.retired' : 'device.reinstated', target: `device:${id}`, details: { deviceNo: device.deviceNo } });
    })();
    return this.get(id);
  }
}
