/**
 * Derived copies of an original: a poster frame, a browser-playable proxy. They live apart from
 * the originals (derived/ beside objects/), carry their own hash, and can be made again; the
 * original is only ever read. Each record gets a row per kind once handled: made, failed (with
 * ffmpeg's reason), or not needed (the browser plays the original as it is).
 */
export const sql = `
CREATE TABLE record_derivatives (
  record_id INTEGER NOT NULL REFERENCES records(id),
  kind      TEXT NOT NULL CHECK (kind IN ('poster', 'proxy')),
  state     TEXT NOT NULL CHECK (state IN ('ready', 'failed', 'not_needed')),
  file      TEXT,
  sha256    TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  size      INTEGER,
  made_at   TEXT NOT NULL,
  problem   TEXT,
  PRIMARY KEY (record_id, kind),
  CHECK ((state = 'ready') = (file IS NOT NULL AND sha256 IS NOT NULL))
) STRICT;
`;
