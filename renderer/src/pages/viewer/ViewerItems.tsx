import { Menu } from 'antd';
import { AudioOutlined, PictureOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { FileName } from '../../components/FileName.js';

const ICON: Record<string, React.ReactNode> = { video: <VideoCameraOutlined />, audio: <AudioOutlined />, photo: <PictureOutlined /> };

/** The approved items, the only things this viewer can show. */
export function ViewerItems({ items, selected, onSelect, disabled }: { items: ViewingDto['items']; selected: number | null; onSelect: (id: number) => void; disabled: boolean }) {
  return (
    <Menu
      theme="dark"
      mode="inline"
      style={{ background: 'transparent', borderInlineEnd: 0 }}
      selectedKeys={selected === null ? [] : [String(selected)]}
      onClick={({ key }) => onSelect(Number(key))}
      // Items of one case share their names' beginnings: the middle gives way, the end stays.
      items={items.map((i) => ({ key: String(i.recordId), icon: ICON[i.mediaType], label: <FileName name={i.name} />, disabled }))}
      data-testid="viewer-items"
    />
  );
}
