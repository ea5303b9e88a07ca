import type { ReactNode } from 'react';
import { Collapse } from 'antd';

/**
 * Raw expressions the keeper rarely needs, folded away under a heading. Rendered even while
 * folded, so the form still validates and submits the fields inside.
 */
export function AdvancedSection({ label, marginTop, children }: { label: string; marginTop: number; children: ReactNode }) {
  return <Collapse ghost style={{ marginTop }} items={[{ key: 'advanced', label, forceRender: true, children }]} />;
}
