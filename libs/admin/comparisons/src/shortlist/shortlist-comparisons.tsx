import { useState } from 'react';
import { CopyOutlined, EyeOutlined, LinkOutlined, SendOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, List, Space, Tag, Tooltip, Typography } from 'antd';
import { formatInr, formatIstDateTime, type ComparisonShare, type FeeChange, type SharedComparison } from '@advisordesk/shared';
import { copyText } from '@advisordesk/admin-ui';
import { useCreateComparison, useSharedComparisons } from './shortlist-api';
import { ShareComparisonModal } from './shortlist-share-modal';

/** "Online MBA (Manipal University Jaipur): ₹1,75,000 → ₹1,80,000", with the session when that changed too. */
const feeChangeText = (c: FeeChange) =>
  `${c.programName} (${c.universityName}): ${formatInr(c.sentTotalPaise)}${c.sentSession && c.sentSession !== c.currentSession ? ` for ${c.sentSession}` : ''} → ` +
  (c.currentTotalPaise === null
    ? 'no current fee'
    : `${formatInr(c.currentTotalPaise)}${c.currentSession !== c.sentSession ? ` for ${c.currentSession}` : ''}`);

/** The warning on a comparison whose fees changed since it was sent, with a one-click updated comparison of the same programs. */
function FeesChanged({ comparison, leadId, onShared }: { comparison: SharedComparison; leadId: string; onShared: (share: ComparisonShare) => void }) {
  const { message } = App.useApp();
  const create = useCreateComparison(leadId);
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined />}
      style={{ marginTop: 8 }}
      data-testid="fees-changed"
      message="Fees changed since this was sent"
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {comparison.feesChanged.map((c) => (
              <li key={c.programId} style={{ overflowWrap: 'anywhere' }}>
                {feeChangeText(c)}
              </li>
            ))}
          </ul>
          <Button
            type="primary"
            size="small"
            icon={<SendOutlined />}
            loading={create.isPending}
            onClick={() =>
              create.mutate(comparison.programIds, { onSuccess: (share) => onShared(share), onError: (error) => message.error(error.message) })
            }
          >
            Send updated comparison
          </Button>
        </Space>
      }
    />
  );
}

/** The comparisons already sent to the lead: when, by whom, until when, whether they opened them, and whether their fees still hold. */
export function ShortlistComparisons({ leadId }: { leadId: string }) {
  const { message } = App.useApp();
  const [share, setShare] = useState<ComparisonShare | null>(null);
  const {
    result: { data },
    query: { isLoading, isError, error },
  } = useSharedComparisons(leadId);
  if (isError) return <Typography.Text type="danger">{error?.message}</Typography.Text>;
  return (
    <>
      <List
        size="small"
        loading={isLoading}
        dataSource={data}
        data-testid="shared-comparisons"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No comparison shared yet" /> }}
        renderItem={(c) => {
          const expired = new Date(c.expiresAt).getTime() <= Date.now();
          return (
            <List.Item style={{ display: 'block' }}>
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
                    <Button
                      size="small"
                      icon={<LinkOutlined />}
                      href={c.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label="Open comparison"
                    />
                  </Tooltip>
                </Space>
              </Flex>
              {!expired && c.feesChanged.length > 0 && <FeesChanged comparison={c} leadId={leadId} onShared={setShare} />}
            </List.Item>
          );
        }}
      />
      <ShareComparisonModal share={share} leadId={leadId} onClose={() => setShare(null)} />
    </>
  );
}
