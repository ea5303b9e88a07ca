import { Tooltip } from 'antd';
import { unsafeTextRevealed } from '../../../shared/rules/safe-text.js';

/** How much of a name's end always shows: a camera's sequence number and extension (…_0001.MP4). */
const TAIL = 12;

/**
 * A file name that fits its column without hiding what tells it from its neighbours. Camera names
 * share their beginnings (device, officer, day) and differ at the end, so the middle gives way
 * (T001_000123_2026…0930_0001.MP4), and the whole name (or path) shows on hover. A name carrying
 * controls or direction overrides (imported from a card, never typed) shows them as ⟦U+202E⟧, and
 * it is isolated from the text around it, so it can't pass for another name.
 */
export function FileName({ name, full, testId }: { name: string; full?: string; testId?: string }) {
  const shown = unsafeTextRevealed(name);
  const head = shown.length > TAIL ? shown.slice(0, -TAIL) : '';
  const tail = shown.length > TAIL ? shown.slice(-TAIL) : shown;
  return (
    <Tooltip title={unsafeTextRevealed(full ?? name)}>
      <bdi style={{ display: 'inline-flex', maxWidth: '100%', minWidth: 0, verticalAlign: 'bottom', unicodeBidi: 'isolate', direction: 'ltr' }} data-testid={testId}>
        {head && <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 }}>{head}</span>}
        <span style={{ whiteSpace: 'nowrap', flex: 'none' }}>{tail}</span>
      </bdi>
    </Tooltip>
  );
}

/** The last part of a path, either separator: what a person calls the file. */
export function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
