import fs from 'node:fs';
import type { Db } from '../db/open.js';
import { derivedAbsolutePath } from './derived-files.js';
import { scopeCondition, type SqlScope } from '../access/access-rule.js';

/** The posters of the given records as data URLs, for a page of the library; records without one are left out. */
export function posterDataUrls(db: Db, storeRoot: string, ids: number[], scope: SqlScope): { recordId: number; dataUrl: string }[] {
  const reach = scopeCondition(scope);
  const find = db.prepare(
    `SELECT d.file FROM record_derivatives d JOIN record_search s ON s.record_id = d.record_id
     WHERE d.record_id = @id AND d.kind = 'poster' AND d.state = 'ready' AND ${reach.sql}`,
  );
  const out: { recordId: number; dataUrl: string }[] = [];
  for (const id of new Set(ids)) {
    const row = find.get({ ...reach.params, id }) as { file: string } | undefined;
    if (!row) continue;
    try {
      out.push({ recordId: id, dataUrl: `data:image/jpeg;base64,${fs.readFileSync(derivedAbsolutePath(storeRoot, row.file)).toString('base64')}` });
    } catch {
      // A poster deleted from disk is remade by the next backfill; the list just shows none.
    }
  }
  return out;
}
