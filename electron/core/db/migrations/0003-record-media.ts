/**
 * What ffprobe found in each original, computed once after import (never on the import's
 * critical path). Derived facts about an immutable file: written once, never changed.
 */
export const sql = `
CREATE TABLE record_media (
  record_id        INTEGER PRIMARY KEY REFERENCES records(id),
  probed_at        TEXT NOT NULL,
  readable         INTEGER NOT NULL CHECK (readable IN (0, 1)),
  container        TEXT,
  duration_seconds REAL,
  video_codec      TEXT,
  audio_codec      TEXT,
  width            INTEGER,
  height           INTEGER,
  frame_rate       REAL,
  creation_time    TEXT,
  problem          TEXT
) STRICT;
CREATE TRIGGER record_media_no_update BEFORE UPDATE ON record_media
BEGIN SELECT RAISE(ABORT, 'media facts are written once'); END;
CREATE TRIGGER record_media_no_delete BEFORE DELETE ON record_media
BEGIN SELECT RAISE(ABORT, 'media facts are never deleted'); END;
`;
