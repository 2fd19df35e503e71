import { useApiUrl, useCustom } from '@refinedev/core';
import { Card, List, Space, Typography } from 'antd';
import { formatIstDateTime, type ExportRecordView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { FilterTags } from './export-log-page';

const NO_ADVISORS = new Map<string, string>();

/** The signed-in person's latest exports (`GET /api/exports/mine`), their filters in words as the export log shows them. */
export function MyExportsCard() {
  const apiUrl = useApiUrl();
  const { query } = useCustom<ExportRecordView[], ApiRequestError>({
    url: `${apiUrl}/exports/mine`,
    method: 'get',
    config: { query: { _end: 5 } },
    errorNotification: false,
  });
  const records = query.data?.data ?? [];
  return (
    <Card title="Your recent exports" data-testid="my-exports" style={{ height: '100%' }}>
      <List
        loading={query.isLoading}
        dataSource={records}
        locale={{ emptyText: query.isError ? 'Could not load your exports' : 'No exports yet' }}
        renderItem={(record) => (
          <List.Item>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text>
                {formatIstDateTime(record.startedAt)} · {(record.rowCount ?? 0).toLocaleString('en-IN')} {record.rowCount === 1 ? 'person' : 'people'}
                {record.status === 'failed' ? ' · stopped' : ''}
              </Typography.Text>
              <FilterTags record={record} advisorNames={NO_ADVISORS} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
