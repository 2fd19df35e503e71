import { useGo, useList } from '@refinedev/core';
import { ArrowRightOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Typography } from 'antd';
import { canRead, formatIstDateTime, type LeadImportView, type UserView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { importOutcome, rowsText } from './import-text';
import { LEAD_IMPORT_PATH, LEAD_IMPORTS_PATH } from './paths';

const SHOWN = 5;

/** The home page's card of the last imports (everyone's for admins and managers, marketing's own). */
export function RecentImports({ user }: { user: UserView }) {
  const go = useGo();
  const allowed = canRead('leadImport', user.role);
  const {
    result: { data },
    query,
  } = useList<LeadImportView, ApiRequestError>({
    resource: 'lead-imports',
    sorters: [{ field: 'createdAt', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: SHOWN },
    errorNotification: false,
    queryOptions: { enabled: allowed },
  });
  if (!allowed) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <CloudUploadOutlined /> Recent imports
        </span>
      }
      extra={
        <Button type="link" size="small" onClick={() => go({ to: LEAD_IMPORTS_PATH })}>
          All <ArrowRightOutlined />
        </Button>
      }
      loading={query.isLoading}
      data-testid="recent-imports"
    >
      {data?.length ? (
        <List<LeadImportView>
          size="small"
          dataSource={data}
          renderItem={(record) => {
            const outcome = importOutcome(record);
            return (
              <List.Item style={{ paddingInline: 0 }}>
                <List.Item.Meta
                  title={<span style={{ overflowWrap: 'anywhere' }}>{record.fileName}</span>}
                  description={
                    <Typography.Text type={outcome.refused ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {formatIstDateTime(record.createdAt)} · {record.userName} · {rowsText(record.rows)} · {outcome.text}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No imports yet">
          <Button icon={<CloudUploadOutlined />} onClick={() => go({ to: LEAD_IMPORT_PATH })}>
            Import leads
          </Button>
        </Empty>
      )}
    </Card>
  );
}
