import { useState } from 'react';
import { useLink } from '@refinedev/core';
import { Alert, App, Button, Empty, Flex, Input, Modal, Skeleton, Typography } from 'antd';
import { formatInr, type ApplicationView, type ShortlistItemView } from '@advisordesk/shared';
import { useShortlistForApplications, useStartApplication } from '../applications-api';

function ShortlistRow({ item, applied, leadId }: { item: ShortlistItemView; applied: ApplicationView[]; leadId: string }) {
  const { message } = App.useApp();
  const start = useStartApplication(leadId);
  const program = item.program;
  // The session of the program's current fee, which the fee shown on the application belongs to.
  const [session, setSession] = useState(program.currentFee?.session ?? '');
  const already = applied.some((a) => a.programId === program.id && a.session === session.trim());
  return (
    <li style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid="start-application-program" data-program={program.name}>
      <Typography.Text strong style={{ display: 'block' }}>
        {program.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
        {program.universityName}
        {program.currentFee ? ` · ${formatInr(program.currentFee.totalPaise)} (${program.currentFee.session})` : ' · no fee in the catalogue'}
      </Typography.Text>
      <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
        <Input
          value={session}
          onChange={(event) => setSession(event.target.value)}
          placeholder="Session, e.g. 2026-27"
          aria-label={`Session for ${program.name}`}
          style={{ flex: '0 1 160px', minWidth: 0 }}
        />
        <Button
          type="primary"
          disabled={already || !session.trim()}
          loading={start.isPending}
          onClick={() =>
            start.mutate(
              { programId: program.id, session: session.trim() },
              {
                onSuccess: (created) => message.success(`Application to ${created.programName} started`),
                onError: (error) => message.error(error.message),
              },
            )
          }
          aria-label={already ? `Applied to ${program.name}` : `Start application to ${program.name}`}
        >
          {already ? 'Applied' : 'Start application'}
        </Button>
      </Flex>
    </li>
  );
}

/** The lead's shortlisted programs, each a click from an application (the session prefilled, editable). */
export function StartApplicationDialog({
  leadId,
  open,
  onClose,
  applications,
}: {
  leadId: string;
  open: boolean;
  onClose: () => void;
  applications: ApplicationView[];
}) {
  const Link = useLink();
  const {
    result: { data: items },
    query,
  } = useShortlistForApplications(leadId, open);
  return (
    <Modal open={open} title="Start an application" footer={<Button onClick={onClose}>Done</Button>} onCancel={onClose} destroyOnClose>
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <Alert type="error" showIcon message="Could not load the shortlist" description={query.error?.message} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Shortlist a program first: applications start from the shortlist">
          <Link to="/programs">Browse programs</Link>
        </Empty>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="start-application-list">
          {items.map((item) => (
            <ShortlistRow key={item.id} item={item} leadId={leadId} applied={applications} />
          ))}
        </ul>
      )}
    </Modal>
  );
}
