import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DestructionState } from '../../../../shared/contract/destruction-dto.js';
import type { RetentionRule } from '../../../../shared/rules/retention.js';

/**
 * The file name column of the review and of a list: shown whole, wrapped where it must be — which
 * file is to be destroyed is what the keeper and the leader read, and names differ at their ends.
 */
export function fileNameColumn(t: TFunction) {
  return { title: t('retention.colName'), dataIndex: 'name', key: 'name', render: (name: string) => <span style={{ wordBreak: 'break-all' }}>{name}</span> };
}

/** The rule that ends (or doesn't yet end) a record's period, as a sentence: the "why" of the review. */
export function ruleText(t: TFunction, rule: RetentionRule): string {
  switch (rule.code) {
    case 'standard_years':
      return t(`retention.rule_standard_${rule.clock}`, { years: rule.years, from: rule.from });
    case 'evidence_years':
      return t('retention.rule_evidence_years', { years: rule.years, from: rule.from });
    case 'evidence_permanent':
      return t('retention.rule_evidence_permanent');
    case 'evidence_not_archived':
      return t('retention.rule_evidence_not_archived');
  }
}

const STATE_COLOR: Record<DestructionState, string> = { pending: 'gold', approved: 'blue', rejected: 'default', executed: 'red' };

export function ListStateTag({ state }: { state: DestructionState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`decisions.${state}`)}</Tag>;
}
