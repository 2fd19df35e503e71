import { useState } from 'react';
import { useSelect } from '@refinedev/antd';
import { SendOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Modal, Select, Space, Typography } from 'antd';
import type { ComparisonShare, LeadView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { useShareWithLead } from '../../shortlist/shortlist-api';
import { ShareComparisonModal } from '../../shortlist/shortlist-share-modal';

/** What a lead is picked by. */
type LeadOption = Pick<LeadView, 'id' | 'fullName' | 'phone' | 'courseInterest'>;

/**
 * "Send to a lead": the programs compared here become a comparison for one of the advisor's leads
 * (and, if wished, join that lead's shortlist), with the link and WhatsApp message to send.
 */
export function ShareWithLead({ programIds }: { programIds: string[] }) {
  const { message } = App.useApp();
  const shareWithLead = useShareWithLead();
  const [open, setOpen] = useState(false);
  const [leadId, setLeadId] = useState<string | undefined>();
  const [alsoShortlist, setAlsoShortlist] = useState(true);
  const [working, setWorking] = useState(false);
  const [share, setShare] = useState<ComparisonShare | null>(null);
  const { selectProps, query } = useSelect<LeadOption>({
    resource: 'leads',
    optionLabel: (lead) => [lead.fullName, lead.phone, lead.courseInterest].filter(Boolean).join(' · '),
    optionValue: 'id',
    pagination: { pageSize: 20, mode: 'server' },
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    debounce: 300,
    queryOptions: { enabled: open },
    errorNotification: false,
  });

  const send = async () => {
    if (!leadId) return;
    setWorking(true);
    try {
      const created = await shareWithLead({ leadId, programIds, alsoShortlist });
      setOpen(false);
      setShare(created);
    } catch (error) {
      message.error((error as ApiRequestError).message);
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen(true)}>
        Send to a lead
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        title={`Send these ${programIds.length} programs to a lead`}
        okText="Create comparison"
        okButtonProps={{ disabled: !leadId, loading: working }}
        onOk={send}
        destroyOnHidden
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select
            options={selectProps.options}
            onSearch={selectProps.onSearch}
            filterOption={false}
            loading={query.isFetching}
            showSearch
            value={leadId}
            onChange={(value: string) => setLeadId(value)}
            placeholder="Search your leads by name or phone"
            aria-label="Lead"
            style={{ width: '100%' }}
            notFoundContent={query.isError ? query.error?.message : query.isFetching ? 'Searching…' : 'No lead matches'}
          />
          <Checkbox checked={alsoShortlist} onChange={(event) => setAlsoShortlist(event.target.checked)}>
            Also add them to the lead’s shortlist
          </Checkbox>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            The comparison keeps today’s fees, even if they change later, and is recorded on the lead’s timeline.
          </Typography.Text>
        </Space>
      </Modal>
      <ShareComparisonModal share={share} leadId={leadId} onClose={() => setShare(null)} />
    </>
  );
}
