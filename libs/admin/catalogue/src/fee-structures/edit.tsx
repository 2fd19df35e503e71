import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useGo, useInvalidate } from '@refinedev/core';
import { Edit, RefreshButton, useForm } from '@refinedev/antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { formatInr, type FeeStructureView, type UpdateFeeStructureBody } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { EMPTY_FEE_VALUES, FeeStructureForm, toFeeFigures, toFormValues, type FeeStructureFormValues } from './components/fee-structure-form';
import { CurrentTag } from './components/fee-cells';
import { FeeRevisions } from './components/fee-revisions';
import { showComponentErrors } from './components/server-errors';

/** Corrects a fee structure in place; the figures it replaces are kept as a revision. */
export default function FeeStructureEditPage() {
  const { id } = useParams<{ id: string }>();
  const go = useGo();
  const invalidate = useInvalidate();
  const { form, formProps, saveButtonProps, query } = useForm<FeeStructureView, ApiRequestError, UpdateFeeStructureBody>({
    resource: 'fee-structures',
    action: 'edit',
    id,
    redirect: false,
    successNotification: (data) => ({
      type: 'success',
      description: 'Fee structure saved',
      message: `${data?.data.session}: ${formatInr(data?.data.totalPaise)}. The earlier figures are kept below.`,
    }),
    errorNotification: fieldErrorsOnly('Could not save the fee structure'),
    onMutationError: (error) => showComponentErrors(form, error),
    // A program shows its current fee: it must be read again after its fee changes.
    onMutationSuccess: (data) => invalidate({ resource: 'programs', id: data.data.programId, invalidates: ['detail', 'list', 'many'] }),
  });
  const fee = query?.data?.data;
  const initialValues = useMemo(() => (fee ? toFormValues(fee) : EMPTY_FEE_VALUES), [fee]);
  // The version read with the record: the API answers 409 rather than overwrite someone else's change.
  const submit = (values: FeeStructureFormValues) => fee && formProps.onFinish?.({ ...toFeeFigures(values), version: fee.version });

  return (
    <Edit
      title={fee ? `Fee structure ${fee.session}` : 'Fee structure'}
      breadcrumb={false}
      isLoading={query?.isLoading}
      goBack={false}
      saveButtonProps={{ ...saveButtonProps, children: 'Save changes' }}
      headerButtons={() => (
        <>
          {fee && (
            <Button icon={<ArrowLeftOutlined />} onClick={() => go({ to: `/programs/show/${fee.programId}` })}>
              Program
            </Button>
          )}
          <RefreshButton resource="fee-structures" recordItemId={id} />
        </>
      )}
    >
      {fee && (
        <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">
            {fee.programName}, {fee.universityName} <CurrentTag current={fee.isCurrent} />
          </Typography.Text>
          {!fee.isCurrent && (
            <Alert
              type="warning"
              showIcon
              message="This fee structure is no longer current."
              description="To change the fee students are quoted, add a new fee structure from the program page instead."
            />
          )}
        </Space>
      )}
      {fee && <FeeStructureForm formProps={formProps} form={form} mode="edit" initialValues={initialValues} onSubmit={submit} />}
      {id && <FeeRevisions feeStructureId={id} version={fee?.version} />}
    </Edit>
  );
}
