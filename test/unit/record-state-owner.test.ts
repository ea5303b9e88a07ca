import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A record's state — destroyed, under an open alarm, granted to someone for a window — has one
 * owner, electron/core/record-state/: every other room asks it (as SQL for lists, as a value for
 * one record) and none reads or writes the tables behind it. A room that wrote its own "live
 * grant" once forgot "not destroyed"; this is what keeps a copy from coming back.
 */
const OWNED = ['record_dispositions', 'disposition_targets', 'integrity_alarms', 'access_grants'];
const CORE = path.join('electron', 'core');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('the owner of a record state', () => {
  it('is the only room that names the state tables (the migrations define them)', () => {
    const outside = sources(CORE).filter((f) => !f.startsWith(path.join(CORE, 'record-state') + path.sep) && !f.startsWith(path.join(CORE, 'db', 'migrations') + path.sep));
    expect(outside.length).toBeGreaterThan(100);
    const offenders = outside.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (OWNED.some((t) => new RegExp(`\\b${t}\\b`).test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
    // And the owner does hold them: the rule above would pass vacuously if the tables were renamed.
    const owner = sources(path.join(CORE, 'record-state')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const t of OWNED) expect(owner).toContain(t);
  });
});
