import { useState } from 'react';
import { FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space } from 'antd';
import { useAccess } from '@advisordesk/admin-data';
import { useLeadApplications } from './applications-api';
import { ApplicationCard } from './components/application-card';
import { StartApplicationDialog } from './components/start-application';

/**
 * A section of the lead's page: the lead's applications as cards (status, deadline, documents,
 * payments, the student's upload link), and "Start application" from the shortlist.
 */
export function ApplicationsPanel({ leadId }: { leadId: string }) {
  const { role, canRead, canWrite } = useAccess();
  const [starting, setStarting] = useState(false);
  const {
    result: { data: applications },
    query,
  } = useLeadApplications(leadId);
  if (!canRead('applications')) return null;
  const canEdit = canWrite('applications');
  // Deleting a payment is for managers and admins (those who may reassign leads).
  const canDeletePayments = canWrite('leadAssignment');

  return (
    <Card
      size="small"
      title={
        <Space size={6}>
          <FileDoneOutlined />
          Applications
        </Space>
      }
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="start-application">
            Start application
          </Button>
        )
      }
      data-testid="applications-panel"
      styles={{ body: { padding: 12 } }}
    >
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <Alert type="error" showIcon message="Could not load the applications" description={query.error?.message} />
      ) : applications.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No applications yet">
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>
              Start one from the shortlist
            </Button>
          )}
        </Empty>
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {applications.map((application) => (
            <ApplicationCard key={application.id} application={application} role={role} canEdit={canEdit} canDeletePayments={canDeletePayments} />
          ))}
        </Space>
      )}
      {canEdit && <StartApplicationDialog leadId={leadId} open={starting} onClose={() => setStarting(false)} applications={applications} />}
    </Card>
  );
}
