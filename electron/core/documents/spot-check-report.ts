import type { SpotCheckDto } from '../../../shared/contract/spot-checks-dto.js';
import type { CaseKind } from '../../../shared/rules/case-number.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { chainHeadText } from './chain-head.js';
import { FormGrid, NONE, SIGN_AND_DATE } from './form-grid.js';
import { writePdf } from './pdf-document.js';

export const SPOT_CHECK_TITLE = '执法案卷抽查记录';

const KIND_TEXT: Record<CaseKind, string> = { penalty: '行政处罚', inspection: '行政检查', coercion: '行政强制' };
const VERDICT_TEXT = { pass: '合格', problem: '有问题' } as const;

export interface SpotCheckReport {
  office: string;
  check: SpotCheckDto;
  /** The office's clock, to print times on. */
  timeZone: string;
  /** The audit chain head: when the check was closed, or (still open) when this was printed. */
  chainHead: { seq: number; hash: string; when: 'closed' | 'printed' };
}

/**
 * The spot check as printed for the county's file, A4: who drew it and when, the period, the
 * seed and sample size — with how to draw it again — the drawn cases with every finding, the
 * audit chain head, and room for the supervisor and the checked office to sign.
 */
export async function writeSpotCheckReport(file: string, report: SpotCheckReport, now: Date): Promise<{ font: string; pages: number }> {
  const { check } = report;
  const at = (instant: string) => officeTime(instant, report.timeZone).slice(0, 16);
  const head = chainHeadText(report.chainHead, report.chainHead.when === 'closed' ? '抽查结束时' : '打印时');
  const written = await writePdf(
    file,
    {
      title: `${SPOT_CHECK_TITLE} ${check.number}`,
      author: report.office,
      subject: `${check.from} 至 ${check.to}`,
      createdAt: now,
      footer: `抽查编号：${check.number}\u3000随机种子：${check.seed}\u3000审计链头：${head}`,
    },
    (w) => {
      const grid = new FormGrid(w);
      grid.header(SPOT_CHECK_TITLE, report.office, check.number);
      const first = grid.pair(['抽查人', `${check.drawnBy}（监督人员）`], ['抽取时间', at(check.drawnAt)]);
      grid.section('一、抽查范围', grid.height(first) * 5);
      grid.put(first);
      grid.put(grid.pair(['台账期间', `${check.from} 至 ${check.to}`], ['台账案件数', `${check.candidates} 件`]));
      grid.put(grid.pair(['抽取数量', check.drawn < check.requested ? `${check.drawn} 件（要求 ${check.requested} 件，台账案件不足，全部抽取）` : `${check.drawn} 件`], ['随机种子', String(check.seed)], { bold: true }));
      grid.put(
        grid.wide(
          '抽取方法',
          `台账期间内的案件（处罚、强制案件按结案日期，检查案件按检查或复检日期）按案件编号排序，以随机种子用 mulberry32 算法逐一抽取。输入同一期间、抽取数量和随机种子，可重现同一抽取结果。`,
        ),
      );
      grid.put(grid.pair(['状态', check.closedAt ? `已结束（${check.closedBy ?? NONE}，${at(check.closedAt)}）` : '抽查中'], ['结论', `合格 ${check.passed} 件，有问题 ${check.problems} 件，未检查 ${check.unchecked} 件`]));
      if (check.closingNote) grid.put(grid.wide('结束说明', check.closingNote));

      grid.section(`二、抽取的案件及抽查意见（共 ${check.cases.length} 件）`, 60);
      w.table(
        [
          { header: '序号', width: 30, align: 'center', size: 9 },
          { header: '案号', width: 120, size: 9 },
          { header: '类别', width: 50, size: 9 },
          { header: '案由', width: 80, size: 9 },
          { header: '台账日期', width: 62, size: 9 },
          { header: '抽查意见', size: 9 },
        ],
        check.cases.map((c) => [
          String(c.position),
          c.caseNo,
          KIND_TEXT[c.kind],
          c.cause,
          c.ledgerDay,
          c.findings.length === 0 ? '（未记录）' : c.findings.map((f) => `【${VERDICT_TEXT[f.verdict]}】${f.text}（${f.by}，${at(f.at)}）`).join('\n'),
        ]),
      );
      grid.put(grid.wide('审计链头', head, { small: true }));
      grid.section('三、签字', 2 * 40);
      grid.handRow('抽查人', SIGN_AND_DATE, { minHeight: 40 });
      grid.handRow('被抽查单位\n负责人', SIGN_AND_DATE, { minHeight: 40 });
    },
  );
  return { font: written.font.description, pages: written.pages };
}
