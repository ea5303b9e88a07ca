import type { StatisticsDto, StatisticsQuery, StorageOutlook } from '../../../shared/contract/statistics-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import { writeRegisterXlsx } from '../documents/register-xlsx.js';
import type { SettingsService } from '../settings/settings-service.js';
import { countInterruptions, interruptions, lateness, lending, recordings, storageGrowth, timeliness, unlinked, type ChartData } from './statistics-charts.js';
import { statisticsPeriod, type StatisticsPeriod } from './statistics-period.js';
import { statisticsSheet } from './statistics-sheet.js';
import { storageOutlook } from './statistics-storage.js';

const GIB = 1024 ** 3;

/**
 * The statistics screen (统计): what the records room holds and does, per month, officer and
 * camera, for reviews and supervision (002 §(二)4). Read from sums kept per recorded day
 * (migration 0025), so a chart over a year of a million records is quick; exported per chart as
 * a spreadsheet, which is audited like a register.
 */
export class StatisticsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
    private readonly storeDir: () => string,
  ) {}

  async get(query: StatisticsQuery): Promise<StatisticsDto> {
    const now = officeTime(this.clock.now(), this.zone());
    const period = statisticsPeriod(query.from, query.to, now.slice(0, 10));
    if (period.from > period.to) throw new AppError('VALIDATION_FAILED', 'the period ends on or after its first day', { fields: 'to' });
    if (query.chart === 'interruptions') await countInterruptions(this.db, period);
    return { chart: query.chart, from: period.from, to: period.to, groupBy: query.groupBy, storage: null, ...this.chart(query, period, now.slice(0, 7)) };
  }

  /** One chart's data, as on screen, as an XLSX for the caller's session; audited. */
  async export(ctx: CallContext, query: StatisticsQuery): Promise<{ path: string; name: string }> {
    const data = await this.get(query);
    const now = this.clock.now();
    const sheet = statisticsSheet(data, { office: this.settings.office()?.name ?? '', exportedBy: ctx.account?.displayName ?? '', exportedAt: officeTime(now, this.zone()).slice(0, 16) });
    const doc = this.documents.reserve(`statistics-${data.chart}`, ctx.token, 'xlsx');
    await writeRegisterXlsx(doc.file, sheet, now);
    this.audit.append({
      ...ctx.auditBase(),
      action: 'statistics.exported',
      target: null,
      details: { chart: data.chart, from: data.from, to: data.to, groupBy: data.groupBy, rows: sheet.rows.length },
    });
    return { path: doc.file, name: doc.name };
  }

  /** Counts the default period's interruptions at start, in the background, so the first look at the chart doesn't wait for it. */
  async warm(): Promise<void> {
    // Started after the import recovery settles: a command-line run may have closed the app by then.
    if (!this.db.open) return;
    const today = officeTime(this.clock.now(), this.zone()).slice(0, 10);
    await countInterruptions(this.db, statisticsPeriod(undefined, undefined, today));
  }

  private chart(query: StatisticsQuery, period: StatisticsPeriod, thisMonth: string): ChartData & { storage?: StorageOutlook } {
    switch (query.chart) {
      case 'recordings':
        return recordings(this.db, period, query.groupBy);
      case 'timeliness':
        return timeliness(this.db, period);
      case 'lateness':
        return lateness(this.db, period);
      case 'unlinked':
        return unlinked(this.db, period);
      case 'interruptions':
        return interruptions(this.db, period);
      case 'lending':
        return lending(this.db, period, this.zone());
      case 'storage': {
        const growth = storageGrowth(this.db, period);
        return {
          categories: period.months,
          series: [{ key: 'gib', values: growth.months.map((b) => b / GIB) }],
          storage: storageOutlook(this.storeDir(), growth.usedBytes, period.months, growth.months, thisMonth),
        };
      }
    }
  }

  private zone(): string {
    return this.settings.timeliness().timeZone;
  }
}
