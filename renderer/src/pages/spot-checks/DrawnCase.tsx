import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrawnCaseDto, FindingDto, SpotCheckDto } from '../../../../shared/contract/spot-checks-dto.js';
import { formatInstant } from '../../lib/format.js';
import { CaseDetail } from '../cases/CaseDetail.js';
import type { DiscRights } from '../discs/DiscDrawer.js';
import { CaseViewings } from './CaseViewings.js';

export const VERDICT_COLORS = { pass: 'green', problem: 'red' } as const;

/** A case's findings, oldest first; the latest stands. */
export function Findings({ findings }: { findings: FindingDto[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) return <Typography.Text type="secondary">{t('spotChecks.noFindings')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Typography.Text>
            <Tag color={VERDICT_COLORS[f.verdict]}>{t(`spotChecks.verdict_${f.verdict}`)}</Tag>
            {f.text}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {t('spotChecks.findingBy', { by: f.by, at: formatInstant(f.at, false) })}
            </Typography.Text>
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/**
 * A drawn case read through, read-only for everyone: the case as its page shows it without any
 * action (records, links and written descriptions, integrity, discs and their checks, history),
 * who viewed it, and the spot check's findings on it, with the supervisor's button to add one.
 */
export function DrawnCase({ check, drawn, discs, onFinding, onClose }: { check: SpotCheckDto; drawn: DrawnCaseDto; discs: DiscRights | null; onFinding: (() => void) | null; onClose: () => void }) {
  const { t } = useTranslation();
  // Nothing is changed from a spot check; checking a filed disc is a check too, for whoever may.
  const readOnlyDiscs = discs && { manage: false, check: discs.check };
  return (
    <CaseDetail
      id={drawn.caseId}
      canManage={false}
      discs={readOnlyDiscs}
      onClose={onClose}
      extra={
        <>
          <CaseViewings caseNo={drawn.caseNo} />
          <div data-testid="drawn-findings">
            <Flex justify="space-between" align="baseline">
              <Typography.Title level={5}>{t('spotChecks.findingsOf', { number: check.number })}</Typography.Title>
              {onFinding && (
                <Button type="primary" size="small" onClick={onFinding} data-testid="drawn-add-finding">
                  {t('spotChecks.addFinding')}
                </Button>
              )}
            </Flex>
            <Findings findings={drawn.findings} />
          </div>
        </>
      }
    />
  );
}
