import type { RecordDto } from '../../../shared/contract/records-dto.js';
import { derivativesNeeded, type DerivativeKind } from '../../../shared/rules/playback.js';
import type { Db } from '../db/open.js';
import { queryLibrary, type LibraryFilter } from '../search/library-query.js';
import { INTEGRITY_STATE } from '../search/search-sql.js';
import { DISPOSITION_COLUMNS, dispositionOf, type DispositionColumns } from '../record-state/disposition.js';

interface RecordRow extends DispositionColumns {
  id: number;
  sha256: string;
  sm3: string;
  size: number;
  media_type: RecordDto['mediaType'];
  original_name: string;
  original_path: string;
  source: string;
  file_mtime: string | null;
  imported_at: string;
  imported_by_name: string;
  import_job_id: number;
  m_readable: 0 | 1 | null;
  m_container: string | null;
  m_duration: number | null;
  m_video: string | null;
  m_audio: string | null;
  m_width: number | null;
  m_height: number | null;
  m_rate: number | null;
  m_created: string | null;
  m_problem: string | null;
  n_pattern: string | null;
  n_device: string | null;
  n_officer: string | null;
  n_recorded: string | null;
  n_seq: number | null;
  n_important: 0 | 1 | null;
  n_device_source: 'file_name' | 'keeper' | null;
  t_basis: 'file_name' | 'file_mtime' | null;
  t_recorded: string | null;
  t_deadline: string | null;
  t_arrived: string | null;
  t_late: number | null;
  t_reason: string | null;
  t_ahead: number | null;
  t_clock: 0 | 1 | null;
  x_id: number | null;
  x_starts: string | null;
  x_returned: string | null;
  x_reason: string | null;
  o_id: number | null;
  o_name: string | null;
  o_source: 'file_name' | 'device_register' | 'keeper' | null;
  d_poster: 'ready' | 'failed' | 'not_needed' | null;
  d_proxy: 'ready' | 'failed' | 'not_needed' | null;
  f_checked: string | null;
  f_state: 'unchecked' | 'ok' | 'alarm';
  rt_class: 'standard' | 'evidence' | null;
  rt_kept: string | null;
}

const RECORD_SELECT = `SELECT r.*, a.display_name AS imported_by_name,
  m.readable AS m_readable, m.container AS m_container, m.duration_seconds AS m_duration, m.video_codec AS m_video,
  m.audio_codec AS m_audio, m.width AS m_width, m.height AS m_height, m.frame_rate AS m_rate,
  m.creation_time AS m_created, m.problem AS m_problem,
  n.name_pattern AS n_pattern, n.device_no AS n_device, n.officer_no AS n_officer, n.recorded_at AS n_recorded,
  n.sequence AS n_seq, n.important AS n_important, n.device_source AS n_device_source,
  t.basis AS t_basis, t.recorded_at AS t_recorded, t.deadline_at AS t_deadline, t.arrived_at AS t_arrived, t.seconds_late AS t_late,
  (SELECT e.reason FROM late_explanations e WHERE e.record_id = r.id ORDER BY e.id DESC LIMIT 1) AS t_reason,
  t.camera_ahead_seconds AS t_ahead, t.clock_flagged AS t_clock,
  x.id AS x_id, x.starts_at AS x_starts, x.returned_at AS x_returned, x.reason AS x_reason,
  o.officer_id AS o_id, oa.display_name AS o_name, o.source AS o_source,
  (SELECT state FROM record_derivatives WHERE record_id = r.id AND kind = 'poster') AS d_poster,
  (SELECT state FROM record_derivatives WHERE record_id = r.id AND kind = 'proxy') AS d_proxy,
  (SELECT last_checked_at FROM record_fixity WHERE record_id = r.id) AS f_checked,
  ${INTEGRITY_STATE} AS f_state,
  rt.class AS rt_class, rt.kept_through AS rt_kept,
  ${DISPOSITION_COLUMNS}
  FROM records r JOIN accounts a ON a.id = r.imported_by LEFT JOIN record_media m ON m.record_id = r.id
  LEFT JOIN record_attribution n ON n.record_id = r.id LEFT JOIN record_timeliness t ON t.record_id = r.id
  LEFT JOIN officer_absences x ON x.id = t.absence_id
  LEFT JOIN record_officers o ON o.id = (SELECT max(id) FROM record_officers WHERE record_id = r.id)
  LEFT JOIN accounts oa ON oa.id = o.officer_id
  LEFT JOIN record_retention rt ON rt.record_id = r.id`;

export function readRecord(db: Db, id: number): RecordDto | null {
  const row = db.prepare(`${RECORD_SELECT} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  return row ? toRecordDto(row) : null;
}

/** A page of the library under any combination of filters; see `queryLibrary`. */
export function readRecordPage(db: Db, filter: LibraryFilter): { records: RecordDto[]; total: number; totalCapped: boolean; nextBeforeId: number | null } {
  const { ids, total, capped } = queryLibrary(db, filter);
  const more = ids.length > filter.limit;
  const pageIds = ids.slice(0, filter.limit);
  const rows = pageIds.length === 0 ? [] : (db.prepare(`${RECORD_SELECT} WHERE r.id IN (${pageIds.map(() => '?').join(',')})`).all(...pageIds) as RecordRow[]);
  // In the library's order, which the page's ids carry.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const records = pageIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toRecordDto(row)] : [];
  });
  return { records, total, totalCapped: capped, nextBeforeId: more ? (records.at(-1)?.id ?? null) : null };
}

function mediaOf(r: RecordRow): RecordDto['media'] {
  if (r.m_readable === null) return null;
  return {
    readable: r.m_readable === 1,
    container: r.m_container,
    durationSeconds: r.m_duration,
    videoCodec: r.m_video,
    audioCodec: r.m_audio,
    width: r.m_width,
    height: r.m_height,
    frameRate: r.m_rate,
    creationTime: r.m_created,
    problem: r.m_problem,
  };
}

/** Not needed when the original doesn't call for it (or can't be decoded); pending until made or failed. */
function derivedState(r: RecordRow, media: RecordDto['media'], kind: DerivativeKind): RecordDto['derived']['poster'] {
  const made = kind === 'poster' ? r.d_poster : r.d_proxy;
  if (made) return made;
  if (!media) return 'pending';
  return derivativesNeeded(r.media_type, media).includes(kind) ? 'pending' : 'not_needed';
}

function toRecordDto(r: RecordRow): RecordDto {
  const media = mediaOf(r);
  return {
    id: r.id,
    sha256: r.sha256,
    sm3: r.sm3,
    size: r.size,
    mediaType: r.media_type,
    originalName: r.original_name,
    originalPath: r.original_path,
    source: r.source,
    fileMtime: r.file_mtime,
    importedAt: r.imported_at,
    importedBy: r.imported_by_name,
    importJobId: r.import_job_id,
    media,
    attribution: {
      patternId: r.n_pattern,
      device: r.n_device,
      officer: r.n_officer,
      recordedAt: r.n_recorded,
      sequence: r.n_seq,
      important: r.n_important === 1,
      deviceSource: r.n_device_source ?? (r.n_device ? 'file_name' : null),
    },
    timeliness:
      r.t_basis === null
        ? null
        : {
            basis: r.t_basis,
            recordedAt: r.t_recorded ?? '',
            deadlineAt: r.t_deadline ?? '',
            arrivedAt: r.t_arrived ?? '',
            secondsLate: r.t_late ?? 0,
            explanation: r.t_reason,
            cameraAheadSeconds: r.t_ahead,
            clockFlagged: r.t_clock === 1,
            absence: r.x_id === null ? null : { id: r.x_id, startsAt: r.x_starts ?? '', returnedAt: r.x_returned ?? '', reason: r.x_reason ?? '' },
          },
    officer: r.o_id === null || r.o_source === null ? null : { id: r.o_id, name: r.o_name ?? '', source: r.o_source },
    derived: { poster: derivedState(r, media, 'poster'), proxy: derivedState(r, media, 'proxy') },
    integrity: { state: r.f_state, lastCheckedAt: r.f_checked },
    retention: r.rt_class === null ? null : { class: r.rt_class, keptThrough: r.rt_kept },
    disposition: dispositionOf(r),
  };
}
