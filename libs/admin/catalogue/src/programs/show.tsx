import { Suspense } from 'react';
import { useParams } from 'react-router';
import { useCan, useShow } from '@refinedev/core';
import { EditButton, ListButton, Show } from '@refinedev/antd';
import { SwapOutlined } from '@ant-design/icons';
import { Card, Checkbox, Col, Flex, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { formatInrShort, type ProgramView } from '@advisordesk/shared';
import { useCompareTray, type ApiRequestError } from '@advisordesk/admin-data';
import { useAreaSlots } from '@advisordesk/admin-ui';
import { CompareBar } from './components/compare-bar';
import { FeeBreakdown } from '../fee-structures/components/fee-breakdown';
import { FeeHistory } from './components/fee-history';
import { ProgramFacts } from './components/program-facts';

/** One program: its facts, its current fee with components, every fee structure, and "compare". */
export default function ProgramShowPage() {
  const { id } = useParams<{ id: string }>();
  const tray = useCompareTray();
  const { query } = useShow<ProgramView, ApiRequestError>({ resource: 'programs', id });
  const { data: editAccess } = useCan({ resource: 'programs', action: 'edit' });
  // Other areas' parts of the page (the documents to apply), as the shell composes them.
  const { programSections = [] } = useAreaSlots();
  const program = query.data?.data;
  const picked = program ? tray.has(program.id) : false;

  return (
    <Show
      title={<span style={{ whiteSpace: 'normal' }}>{program ? program.name : 'Program'}</span>}
      breadcrumb={false}
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          <ListButton resource="programs">Programs</ListButton>
          {editAccess?.can && <EditButton resource="programs" recordItemId={id} />}
        </>
      )}
    >
      {program && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Space direction="vertical" size={0}>
              <Typography.Text type="secondary">
                {[program.universityName, program.universityCity, program.universityState].filter(Boolean).join(', ')}
              </Typography.Text>
              {!program.active && <Tag>Inactive: not suggested to leads</Tag>}
            </Space>
            <Tooltip title={!picked && tray.full ? 'Five programs at most: remove one first' : undefined}>
              <Checkbox checked={picked} disabled={!picked && tray.full} onChange={() => tray.toggle(program)} data-testid="compare-checkbox">
                <SwapOutlined /> Compare
              </Checkbox>
            </Tooltip>
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
              <ProgramFacts program={program} />
            </Col>
            <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
              <Card
                size="small"
                title={program.currentFee ? `Current fee · ${program.currentFee.session}` : 'Current fee'}
                extra={program.currentFee && <Typography.Text type="secondary">{formatInrShort(program.currentFee.totalPaise)}</Typography.Text>}
                data-testid="current-fee"
              >
                {program.currentFee ? (
                  <Space direction="vertical" size={8} style={{ width: '100%' }}>
                    <FeeBreakdown components={program.currentFee.components} totalPaise={program.currentFee.totalPaise} />
                    <Space size={[8, 4]} wrap>
                      <Tag color={program.currentFee.emiAvailable ? 'green' : undefined} bordered={false}>
                        {program.currentFee.emiAvailable ? 'EMI available' : 'No EMI'}
                      </Tag>
                      {(program.currentFee.validFrom || program.currentFee.validTo) && (
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          Valid {program.currentFee.validFrom ?? '…'} to {program.currentFee.validTo ?? '…'}
                        </Typography.Text>
                      )}
                    </Space>
                    {program.currentFee.scholarshipNotes && (
                      <Typography.Paragraph style={{ margin: 0 }}>Scholarships: {program.currentFee.scholarshipNotes}</Typography.Paragraph>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">No fee structure yet: add one below so advisors can quote exact fees.</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <FeeHistory programId={program.id} />
          {programSections.map((Section, index) => (
            <Suspense key={index} fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
              <Section programId={program.id} />
            </Suspense>
          ))}
          <CompareBar />
        </Space>
      )}
    </Show>
  );
}
