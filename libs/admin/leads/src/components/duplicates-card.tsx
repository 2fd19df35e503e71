import { useState } from 'react';
import { useLink, useList } from '@refinedev/core';
import { MergeCellsOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { DUPLICATE_REASON_LABELS, formatIstDateTime, formatPhone, type DuplicateView, type LeadView } from '@advisordesk/shared';
import { leadResource, type ApiRequestError } from '@advisordesk/admin-data';
import { LeadStatusTag } from './status-tag';
import { MergeDialog } from './merge-dialog';

/** Other leads that are probably the same person (`GET /api/leads/:id/duplicates`), each with a "Merge…" into this one. Hidden when there are none. */
export function DuplicatesCard({ lead }: { lead: LeadView }) {
  const Link = useLink();
  const [merging, setMerging] = useState<DuplicateView | null>(null);
  const {
    result: { data: suggestions },
  } = useList<DuplicateView, ApiRequestError>({
    resource: leadResource(lead.id, 'duplicates'),
    pagination: { mode: 'off' },
    errorNotification: false,
  });
  if (!suggestions.length) return null;
  return (
    <Card size="small" title="Possible duplicates" data-testid="lead-duplicates">
      <List
        size="small"
        dataSource={suggestions}
        renderItem={(suggestion) => {
          const other = suggestion.lead;
          return (
            <List.Item key={other.id} style={{ paddingInline: 0 }}>
              <Flex justify="space-between" align="flex-start" gap={8} wrap style={{ width: '100%' }}>
                <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <Space size={6} wrap>
                    <Link to={`/leads/${other.id}`}>{other.fullName}</Link>
                    <LeadStatusTag status={other.status} />
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                      {[
                        other.reference,
                        other.phone && formatPhone(other.phone),
                        other.email,
                        other.city,
                        other.advisorName && `with ${other.advisorName}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      {` · since ${formatIstDateTime(other.createdAt)}`}
                    </Typography.Text>
                  </div>
                  <Space size={4} wrap style={{ marginTop: 4 }}>
                    {suggestion.reasons.map((reason) => (
                      <Tag key={reason} color="orange" bordered={false}>
                        {DUPLICATE_REASON_LABELS[reason]}
                      </Tag>
                    ))}
                  </Space>
                </div>
                <Button
                  size="small"
                  icon={<MergeCellsOutlined />}
                  onClick={() => setMerging(suggestion)}
                  aria-label={`Merge ${other.fullName} into this lead`}
                >
                  Merge…
                </Button>
              </Flex>
            </List.Item>
          );
        }}
      />
      <MergeDialog lead={lead} suggestion={merging} onClose={() => setMerging(null)} />
    </Card>
  );
}
