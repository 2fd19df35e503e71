import type { ReactNode } from 'react';
import {
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  InboxOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  ShareAltOutlined,
  StarOutlined,
  SwapOutlined,
  UserSwitchOutlined,
  UsergroupAddOutlined,
  WhatsAppOutlined,
  FileDoneOutlined,
  MergeCellsOutlined,
} from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Timeline, Typography } from 'antd';
import { formatIstDateTime, type ActivityType } from '@advisordesk/shared';
import { useLeadTimeline } from '../lead-data';
import { describeActivity } from '../timeline-text';

const LOOK: Record<ActivityType, { icon: ReactNode; color: string }> = {
  inquiry: { icon: <InboxOutlined />, color: '#1f4e79' },
  note: { icon: <FileTextOutlined />, color: '#595959' },
  call: { icon: <PhoneOutlined />, color: '#137b7b' },
  whatsapp: { icon: <WhatsAppOutlined />, color: '#1da851' },
  status_change: { icon: <SwapOutlined />, color: '#722ed1' },
  assignment: { icon: <UserSwitchOutlined />, color: '#2f54eb' },
  task: { icon: <CalendarOutlined />, color: '#b7791f' },
  shortlist: { icon: <StarOutlined />, color: '#d48806' },
  comparison: { icon: <ShareAltOutlined />, color: '#08979c' },
  consent: { icon: <SafetyCertificateOutlined />, color: '#c0392b' },
  profile: { icon: <EditOutlined />, color: '#8c8c8c' },
  erasure: { icon: <DeleteOutlined />, color: '#c0392b' },
  transfer_request: { icon: <UsergroupAddOutlined />, color: '#2f54eb' },
  application: { icon: <FileDoneOutlined />, color: '#237804' },
  merge: { icon: <MergeCellsOutlined />, color: '#531dab' },
  privacy: { icon: <SafetyCertificateOutlined />, color: '#1d3a8a' },
};

/** The lead's history, newest first, each entry a sentence with its author, time and words. */
export function LeadTimeline({ leadId, names, leadName }: { leadId: string; names: Map<string, string>; leadName?: string }) {
  const {
    result: { data },
    query: { isLoading, isError, error, refetch },
  } = useLeadTimeline(leadId);

  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (isError)
    return (
      <Alert
        type="error"
        showIcon
        message="Could not load the timeline"
        description={error?.message}
        action={
          <Button size="small" onClick={() => refetch()}>
            Try again
          </Button>
        }
      />
    );
  if (!data?.length) return <Empty description="Nothing has happened on this lead yet" />;

  return (
    <Timeline
      style={{ paddingTop: 8 }}
      data-testid="lead-timeline"
      items={data.map((activity) => {
        const look = LOOK[activity.type] ?? LOOK.note;
        const text = describeActivity(activity, { names, leadName });
        return {
          key: String(activity.id),
          color: look.color,
          dot: <span style={{ color: look.color, fontSize: 15 }}>{look.icon}</span>,
          children: (
            <div data-activity={activity.type}>
              <Typography.Text strong={activity.type === 'status_change'}>{text.title}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatIstDateTime(activity.createdAt)}
                  {activity.authorName ? ` · ${activity.authorName}` : ''}
                </Typography.Text>
              </div>
              {text.detail && (
                <Typography.Paragraph
                  style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', background: '#f7f9fb', borderRadius: 6, padding: '6px 10px' }}
                  ellipsis={{ rows: 6, expandable: true, symbol: 'more' }}
                >
                  {text.detail}
                </Typography.Paragraph>
              )}
              {text.link && (
                <Typography.Link href={text.link} target="_blank" rel="noopener noreferrer" style={{ fontSize: 13 }}>
                  Open the comparison
                </Typography.Link>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
