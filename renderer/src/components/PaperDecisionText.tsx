import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../lib/format.js';

/** Marks a decision that was signed on paper and entered by the keeper, wherever decisions are listed. */
export function PaperMark() {
  const { t } = useTranslation();
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }}>
      {t('requests.paper')}
    </Tag>
  );
}

interface Decided {
  at: string;
  by: string;
  source: 'app' | 'paper';
  recordedBy: string | null;
  paperScanSha256: string | null;
}

/** Who decided and when, marked when it was on paper. */
export function DecidedBy({ d }: { d: Decided }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <span>{t('discs.atBy', { at: formatInstant(d.at, false), by: d.by })}</span>
      {d.source === 'paper' && <PaperMark />}
    </Flex>
  );
}

/** For a paper decision: who entered it, and the hash of the signed page's scan kept in the store. */
export function PaperRecord({ d }: { d: Decided }) {
  const { t } = useTranslation();
  return (
    <>
      <div>{t('requests.paperRecorded', { by: d.recordedBy ?? t('common.system') })}</div>
      {d.paperScanSha256 && (
        <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {d.paperScanSha256}
        </Typography.Text>
      )}
    </>
  );
}
