import { useEffect, useRef, useState } from 'react';
import { useGo } from '@refinedev/core';
import { useModalForm } from '@refinedev/antd';
import { Modal } from 'antd';
import type { CreateLeadBody, LeadView } from '@advisordesk/shared';
import { useRefreshLead, type ApiErrorDetails, type ApiRequestError } from '@advisordesk/admin-data';
import { LeadForm } from './lead-form';
import { PhoneTaken } from './phone-taken';

/**
 * "New lead" for walk-ins and calls: the lead form in a dialog, then the new lead's page. The list
 * loads it (with the form's phone checks and inputs) when "New lead" is first pressed; it opens
 * each time `openings` grows.
 */
export default function NewLeadDialog({ openings }: { openings: number }) {
  const go = useGo();
  const refreshLead = useRefreshLead();
  // A phone that is already a lead: whose, and what the user can do about it (shown in the form).
  const [phoneTaken, setPhoneTaken] = useState<ApiErrorDetails | null>(null);

  const createModal = useModalForm<LeadView, ApiRequestError, CreateLeadBody>({
    resource: 'leads',
    action: 'create',
    redirect: false,
    warnWhenUnsavedChanges: true,
    successNotification: (data) => ({
      type: 'success',
      description: 'Lead added',
      message: `${data?.data.fullName} (${data?.data.reference}) is in your leads.`,
    }),
    errorNotification: (error) =>
      error?.errors && Object.keys(error.errors).length
        ? false
        : { type: 'error', description: 'Could not add the lead', message: error?.message ?? 'Please try again.' },
    onMutationSuccess: (data) => {
      void refreshLead(data.data.id);
      go({ to: `/leads/${data.data.id}` });
    },
    onMutationError: (error) => setPhoneTaken(error.code === 'leads.phoneTaken' ? (error.details ?? {}) : null),
  });
  // Opens once per press of "New lead", not whenever `show` is made anew.
  const show = useRef(createModal.show);
  show.current = createModal.show;
  useEffect(() => {
    setPhoneTaken(null);
    show.current();
  }, [openings]);

  const createFormProps = {
    ...createModal.formProps,
    onValuesChange: (changed: Partial<CreateLeadBody>, all: CreateLeadBody) => {
      createModal.formProps.onValuesChange?.(changed, all);
      if ('phone' in changed) setPhoneTaken(null);
    },
  };

  return (
    <Modal {...createModal.modalProps} title="New lead" okText="Add lead" cancelText="Cancel" width={640}>
      <LeadForm formProps={createFormProps} mode="create" />
      {phoneTaken && <PhoneTaken taken={phoneTaken} />}
    </Modal>
  );
}
