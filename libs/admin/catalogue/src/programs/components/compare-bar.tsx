import { useGo } from '@refinedev/core';
import { CloseOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Tag, Typography } from 'antd';
import { COMPARISON_MAX_PROGRAMS, COMPARISON_MIN_PROGRAMS } from '@advisordesk/shared';
import { useCompareTray } from '@advisordesk/admin-data';

export const compareLink = (ids: string[]) => `/compare?ids=${ids.map(encodeURIComponent).join(',')}`;

/** The programs picked so far, and "Compare" once there are two; sticks to the bottom of the screen. */
export function CompareBar() {
  const tray = useCompareTray();
  const go = useGo();
  const phone = Grid.useBreakpoint().sm === false;
  if (!tray.items.length) return null;
  const ready = tray.items.length >= COMPARISON_MIN_PROGRAMS;
  return (
    <Card
      size="small"
      data-testid="compare-bar"
      style={{ position: 'sticky', bottom: 12, zIndex: 10, marginTop: 16, boxShadow: '0 6px 24px rgba(31, 78, 121, 0.18)' }}
      styles={{ body: { padding: phone ? 10 : 12 } }}
    >
      <Flex gap={8} align="center" wrap justify="space-between">
        <Flex gap={6} wrap align="center" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Text strong>
            {tray.items.length} of {COMPARISON_MAX_PROGRAMS} to compare
          </Typography.Text>
          {!phone &&
            tray.items.map((item) => (
              <Tag
                key={item.id}
                closable
                onClose={() => tray.remove(item.id)}
                style={{ marginInlineEnd: 0, maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}
                title={`${item.name}, ${item.universityName}`}
              >
                {item.name}
              </Tag>
            ))}
        </Flex>
        <Flex gap={8}>
          <Button icon={<CloseOutlined />} onClick={() => tray.clear()}>
            Clear
          </Button>
          <Button type="primary" icon={<SwapOutlined />} disabled={!ready} onClick={() => go({ to: compareLink(tray.ids) })}>
            {ready ? 'Compare' : `Pick ${COMPARISON_MIN_PROGRAMS - tray.items.length} more`}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
