import { useEffect, useRef } from 'react';
import { Alert, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { ClientError, call } from '../../api/client.js';
import { Watermark } from '../../components/Watermark.js';
import { errorText } from '../../lib/errors.js';

type Logged = 'play' | 'pause' | 'seek' | 'ended';

/**
 * One approved item, played for the viewing: no download, no picture-in-picture, no context menu,
 * the watermark over it. Play, pause, seek and end go to the viewing register as they happen (the
 * core already logged the first play when it opened the view). A proxy still being made is waited
 * for; a viewing that ended meanwhile sends the viewer back to its "ended" page.
 */
export function ViewerStage({ viewing, recordId }: { viewing: ViewingDto; recordId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const started = useRef(false);
  const view = useQuery({
    queryKey: ['viewings.play', viewing.id, recordId],
    queryFn: () => call('viewings.play', { viewingId: viewing.id, recordId }),
    staleTime: Infinity,
    gcTime: 0,
    retry: (count, error) => error instanceof ClientError && error.code === 'NOT_PLAYABLE' && error.details.proxy === 'preparing' && count < 100,
    retryDelay: 3000,
  });
  const ticket = view.data?.ticket;
  useEffect(() => () => void (ticket && call('records.stopPlaying', { ticket }).catch(() => undefined)), [ticket]);
  useEffect(() => {
    if (view.error instanceof ClientError && view.error.code === 'VIEWING_CLOSED') void queryClient.invalidateQueries({ queryKey: ['viewings.current'] });
  }, [view.error, queryClient]);

  const log = (event: Logged) => {
    const position = media.current ? Math.round(media.current.currentTime * 10) / 10 : null;
    call('viewings.log', { viewingId: viewing.id, recordId, event, position }).catch((e: unknown) => {
      if (e instanceof ClientError && e.code === 'VIEWING_CLOSED') void queryClient.invalidateQueries({ queryKey: ['viewings.current'] });
    });
  };
  const onPlay = () => {
    if (started.current) log('play');
    started.current = true;
  };
  const onPause = () => {
    if (media.current && !media.current.ended) log('pause');
  };
  const events = { onPlay, onPause, onSeeked: () => log('seek'), onEnded: () => log('ended') };
  const v = view.data;
  const preparing = view.error instanceof ClientError && view.error.code === 'NOT_PLAYABLE' && view.error.details.proxy === 'preparing';
  const fit = { maxWidth: '100%', maxHeight: 'calc(100vh - 200px)' };
  // A camera's picture fills the stage whatever its size; the watermark lies over all of it.
  const fill = { width: '100%', height: '100%', objectFit: 'contain' as const };
  return (
    <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
      {(view.isPending || view.isFetching) && !v && <Spin tip={preparing ? t('player.preparing') : undefined} />}
      {view.isError && !preparing && <Alert type="error" showIcon message={errorText(t, view.error)} />}
      {v && !v.authentic && <Alert type="error" showIcon message={t('player.notAuthentic')} />}
      {v && (
        <div style={{ position: 'relative', flex: 1, minHeight: 0, background: '#000', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }} data-testid="viewer-stage">
          {v.mediaType === 'photo' ? (
            <img src={v.url} alt="" draggable={false} style={fit} />
          ) : v.mediaType === 'audio' ? (
            <audio ref={media} src={v.url} controls autoPlay controlsList="nodownload noplaybackrate" style={{ width: '80%' }} data-testid="viewer-media" {...events} />
          ) : (
            <video ref={media} src={v.url} controls autoPlay controlsList="nodownload noremoteplayback nofullscreen" disablePictureInPicture style={fill} data-testid="viewer-media" {...events} />
          )}
          <Watermark text={v.watermark.name} />
        </div>
      )}
      {v && (
        <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>
          {viewing.items.find((i) => i.recordId === recordId)?.name} · {t(`player.variant_${v.variant}`)}
        </Typography.Text>
      )}
    </div>
  );
}
