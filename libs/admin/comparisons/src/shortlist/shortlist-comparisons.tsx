import { CopyOutlined, EyeOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Space, Tag, Tooltip, Typography } from 'antd';
import { formatIstDateTime } from '@advisordesk/shared';
import { copyText } from '@advisordesk/admin-ui';
import { useSharedComparisons } from './shortlist-api';

/** The comparisons already sent to the lead: when, by whom, until when, and whether they opened them. */
export function ShortlistComparisons({ leadId }: { leadId: string }) {
  const { message } = App.useApp();
  const {
    result: { data },
    query: { isLoading, isError, error },
  } = useSharedComparisons(leadId);
  if (isError) return <Typography.Text type="danger">{error?.message}</Typography.Text>;
  return (
    <List
      size="small"
      loading={isLoading}
      dataSource={data}
      data-testid="shared-comparisons"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No comparison shared yet" /> }}
      renderItem={(c) => {
        const expired = new Date(c.expiresAt).getTime() <= Date.now();
        return (
          <List.Item>
            <Flex justify="space-between" align="start" gap={8} style={{ width: '100%' }}>
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text>
                  {c.programs} programs · {formatIstDateTime(c.createdAt)}
                  {c.createdBy ? <Typography.Text type="secondary"> · {c.createdBy}</Typography.Text> : null}
                </Typography.Text>
                <Space size={[8, 2]} wrap>
                  {expired ? (
                    <Tag color="default" bordered={false}>
                      Expired
                    </Tag>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      Expires {formatIstDateTime(c.expiresAt)}
                    </Typography.Text>
                  )}
                  <Typography.Text type={c.viewCount ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
                    <EyeOutlined /> {c.viewCount ? `Viewed ${c.viewCount}×, last ${formatIstDateTime(c.lastViewedAt)}` : 'Not opened yet'}
                  </Typography.Text>
                </Space>
              </Space>
              <Space size={4} style={{ flex: 'none' }}>
                <Tooltip title="Copy link">
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    aria-label="Copy link"
                    onClick={async () => ((await copyText(c.url)) ? message.success('Link copied') : message.error('Could not copy the link'))}
                  />
                </Tooltip>
                <Tooltip title="Open">
                  <Button size="small" icon={<LinkOutlined />} href={c.url} target="_blank" rel="noopener noreferrer" aria-label="Open comparison" />
                </Tooltip>
              </Space>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
