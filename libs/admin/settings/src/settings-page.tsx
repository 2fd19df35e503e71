import { Suspense } from 'react';
import { Skeleton, Space, Typography } from 'antd';
import { useAccess } from '@advisordesk/admin-data';
import { ForbiddenPage, useAreaSlots } from '@advisordesk/admin-ui';
import { JobsSection } from './jobs-section';
import { LeadRoutingSection } from './lead-routing-section';
import { WhatsappSection } from './whatsapp-section';
import { WorkingHoursSection } from './working-hours-section';

/**
 * The settings of how the team works, one section each. A section shows only to the roles that
 * may change it (lead routing: those who may assign leads; WhatsApp and working hours: admins edit
 * them, managers read them; background jobs: admins).
 */
export default function SettingsPage() {
  const { canWrite, isLoading } = useAccess();
  // Other areas' settings (the default document checklist), as the shell composes them; each shows to the roles it is for.
  const { settingsSections = [] } = useAreaSlots();
  if (isLoading) return null;
  const sections = [
    canWrite('leadAssignment') && <LeadRoutingSection key="lead-routing" />,
    (canWrite('settings') || canWrite('leadAssignment')) && <WhatsappSection key="whatsapp" canEdit={canWrite('settings')} />,
    (canWrite('settings') || canWrite('leadAssignment')) && <WorkingHoursSection key="working-hours" canEdit={canWrite('settings')} />,
    canWrite('jobs') && <JobsSection key="background-jobs" />,
  ].filter(Boolean);
  // A section from another area decides itself whether it shows: the page is open to whoever has one of its own sections.
  const others = canWrite('leadAssignment')
    ? settingsSections.map((Section, index) => (
        <Suspense key={`slot-${index}`} fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <Section />
        </Suspense>
      ))
    : [];
  if (!sections.length) return <ForbiddenPage />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 760 }} data-testid="settings-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Settings
      </Typography.Title>
      {sections}
      {others}
    </Space>
  );
}
