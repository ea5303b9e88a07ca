import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Progress, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { CompressOutlined, ExpandOutlined, StepBackwardOutlined, StepForwardOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlaybackDto } from '../../../../shared/contract/playback-dto.js';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import { ClientError, call } from '../../api/client.js';
import { usePushEvents } from '../../api/events.js';
import { errorText } from '../../lib/errors.js';
import { Watermark } from '../../components/Watermark.js';

const FRAME = 1 / 25;
const SPEEDS = [0.5, 1, 1.5, 2];

/**
 * Plays a record inside the app: no download, no save-as, no context menu; a watermark with the
 * viewer and time; it says whether the original or its proxy is shown, and whether the original
 * is under an integrity alarm. Closing ends the view in the audit log.
 */
export function PlayerDialog({ record, onClose }: { record: Pick<RecordDto, 'id' | 'originalName'>; onClose: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<PlaybackDto | null>(null);
  const [speed, setSpeed] = useState(1);
  const [zoom, setZoom] = useState(1);
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [percent, setPercent] = useState(0);
  const stage = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const el = document.fullscreenElement;
      // The picture alone in fullscreen leaves its watermark behind: only the stage, watermark and all, goes fullscreen.
      if (el && el !== stage.current) {
        void document.exitFullscreen().then(() => stage.current?.requestFullscreen().catch(() => undefined));
        return;
      }
      setFullscreen(el !== null);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleFullscreen = () => void (document.fullscreenElement ? document.exitFullscreen() : stage.current?.requestFullscreen())?.catch(() => undefined);
  const open = useMutation({ mutationFn: () => call('records.play', { recordId: record.id }), onSuccess: setView });
  const { mutate } = open;
  useEffect(() => mutate(), [mutate]);
  // No proxy yet: the core makes it now; show its progress and play as soon as it is there.
  const preparing = open.error instanceof ClientError && open.error.code === 'NOT_PLAYABLE' && open.error.details.proxy === 'preparing';
  const onEvent = useCallback(
    (e: PushEvent) => {
      if (e.type !== 'record.derive_progress' && e.type !== 'record.derived') return;
      if (e.payload.recordId !== record.id || e.payload.kind !== 'proxy') return;
      if (e.type === 'record.derive_progress') setPercent(Math.round(e.payload.percent));
      else mutate();
    },
    [record.id, mutate],
  );
  usePushEvents(onEvent);
  useEffect(() => {
    if (media.current) media.current.playbackRate = speed;
  }, [speed, view]);
  const close = () => {
    if (view) void call('records.stopPlaying', { ticket: view.ticket }).catch(() => undefined);
    onClose();
  };
  const step = (d: number) => {
    const el = media.current;
    if (!el) return;
    el.pause();
    el.currentTime = Math.max(0, el.currentTime + d);
  };
  const noMenu = (e: React.MouseEvent) => e.preventDefault();
  const fullscreenButton = (
    <Button icon={fullscreen ? <CompressOutlined /> : <ExpandOutlined />} onClick={toggleFullscreen} data-testid="player-fullscreen">
      {t(fullscreen ? 'player.exitFullscreen' : 'player.fullscreen')}
    </Button>
  );
  return (
    <Modal open width={960} title={record.originalName} footer={null} onCancel={close} destroyOnHidden data-testid="player">
      {preparing ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="player-preparing">
          <Typography.Text>{t('player.preparing')}</Typography.Text>
          <Progress percent={percent} status="active" />
        </Space>
      ) : (
        open.isError && <Alert type="error" showIcon message={errorText(t, open.error)} />
      )}
      {!view && !open.isError && <Spin />}
      {view && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={view.variant === 'original' ? 'green' : 'blue'}>{t(`player.variant_${view.variant}`)}</Tag>
            {view.variant === 'proxy' && <Typography.Text type="secondary">{t('player.proxyNote')}</Typography.Text>}
          </Space>
          {!view.authentic && <Alert type="error" showIcon message={t('player.notAuthentic')} data-testid="not-authentic" />}
          <div ref={stage} style={{ position: 'relative', background: '#000', textAlign: 'center', overflow: 'hidden', display: 'flex', alignItems: 'center', justifyContent: 'center' }} onContextMenu={noMenu} data-testid="player-stage">
            {view.mediaType === 'photo' ? (
              <img src={view.url} alt="" draggable={false} style={{ maxWidth: '100%', maxHeight: fullscreen ? '100vh' : 560, transform: `scale(${zoom})`, transition: 'transform .2s' }} />
            ) : view.mediaType === 'audio' ? (
              <audio ref={media} src={view.url} controls autoPlay controlsList="nodownload noplaybackrate" style={{ width: '100%', margin: '48px 0' }} data-testid="player-media" />
            ) : (
              <video ref={media} src={view.url} controls autoPlay controlsList="nodownload noplaybackrate noremoteplayback nofullscreen" disablePictureInPicture style={fullscreen ? { width: '100%', height: '100vh', objectFit: 'contain' } : { maxWidth: '100%', maxHeight: 560 }} data-testid="player-media" />
            )}
            <Watermark text={view.watermark.name} />
          </div>
          {view.mediaType === 'photo' ? (
            <Space>
              {fullscreenButton}
              <Button icon={<ZoomOutOutlined />} onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label="zoom out" />
              <Button icon={<ZoomInOutlined />} onClick={() => setZoom((z) => Math.min(4, z + 0.25))} aria-label="zoom in" />
            </Space>
          ) : (
            <Space wrap>
              {view.mediaType === 'video' && fullscreenButton}
              <Segmented value={speed} onChange={(v) => setSpeed(Number(v))} options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))} />
              {view.mediaType === 'video' && (
                <>
                  <Button icon={<StepBackwardOutlined />} onClick={() => step(-FRAME)}>
                    {t('player.frameBack')}
                  </Button>
                  <Button icon={<StepForwardOutlined />} onClick={() => step(FRAME)}>
                    {t('player.frameForward')}
                  </Button>
                </>
              )}
            </Space>
          )}
        </Space>
      )}
    </Modal>
  );
}
