import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Layout, Result, Typography } from 'antd';
import { ExpandOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { formatInstant, spanText } from '../../lib/format.js';
import { ViewerItems } from './ViewerItems.js';
import { ViewerStage } from './ViewerStage.js';
import { UnlockDialog } from './UnlockDialog.js';
import { useViewerGuards } from './use-viewer-guards.js';

/** The time left in the approved window (hours and minutes, then minutes and seconds), ticking. */
function Remaining({ until }: { until: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
  const text = spanText(t, left);
  return (
    <Typography.Text style={{ color: left < 300 ? '#ffa940' : 'rgba(255,255,255,0.85)' }} data-testid="viewer-remaining">
      {t('viewer.remaining', { time: text, until: formatInstant(until, false) })}
    </Typography.Text>
  );
}

/**
 * The locked viewer a party (or another department's staff) watches at the workstation: the
 * approved items and nothing else, watermarked with their name, the approval number and the
 * running time. The core has locked this session to the viewing, so whatever is clicked or typed
 * here reaches nothing else; leaving takes the keeper's password.
 */
export function LockedViewer({ viewing, shell }: { viewing: ViewingDto; shell: 'electron' | 'browser' | 'cli' }) {
  const { t } = useTranslation();
  const [recordId, setRecordId] = useState<number | null>(viewing.items[0]?.recordId ?? null);
  const [unlocking, setUnlocking] = useState(false);
  const [fullscreen, setFullscreen] = useState(document.fullscreenElement !== null);
  useViewerGuards();
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const ended = viewing.closedAt !== null;
  const dark = { color: 'rgba(255,255,255,0.85)' };
  return (
    <Layout style={{ height: '100vh', background: '#141414', userSelect: 'none' }} data-testid="locked-viewer">
      <Layout.Header style={{ background: '#1f1f1f', display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, height: 56 }}>
        <LockOutlined style={{ color: '#faad14', fontSize: 18 }} />
        <Typography.Text strong style={{ ...dark, fontSize: 16 }}>
          {t('viewer.title')}
        </Typography.Text>
        <Typography.Text style={dark} data-testid="viewer-person">
          {t('viewer.who', { person: viewing.person, number: viewing.approvalNumber })}
        </Typography.Text>
        {viewing.caseNo && <Typography.Text style={dark}>{t('viewer.case', { caseNo: viewing.caseNo })}</Typography.Text>}
        <Flex gap={16} align="center" style={{ marginInlineStart: 'auto' }}>
          {!ended && <Remaining until={viewing.window.to} />}
          {shell !== 'electron' && !fullscreen && (
            <Button icon={<ExpandOutlined />} onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)} data-testid="viewer-fullscreen">
              {t('viewer.fullscreen')}
            </Button>
          )}
          <Button onClick={() => setUnlocking(true)} data-testid="viewer-end">
            {t('viewer.end')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout style={{ background: '#141414' }}>
        <Layout.Sider width={300} style={{ background: '#1f1f1f', padding: 12, overflow: 'auto' }}>
          <ViewerItems items={viewing.items} selected={recordId} onSelect={setRecordId} disabled={ended} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
          {ended ? (
            <Result status="info" title={<span style={dark}>{t('viewer.ended')}</span>} subTitle={<span style={dark}>{t(`viewer.endedBecause_${viewing.closeReason ?? 'closed'}`)}</span>} data-testid="viewer-ended" />
          ) : recordId === null ? (
            <Alert type="info" showIcon message={t('viewer.nothing')} />
          ) : (
            <ViewerStage key={recordId} viewing={viewing} recordId={recordId} />
          )}
          <Typography.Text type="secondary" style={{ color: 'rgba(255,255,255,0.45)', fontSize: 12 }}>
            {t('viewer.notice')}
          </Typography.Text>
        </Layout.Content>
      </Layout>
      {unlocking && <UnlockDialog shell={shell} onClose={() => setUnlocking(false)} />}
    </Layout>
  );
}
