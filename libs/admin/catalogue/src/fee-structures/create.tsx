import { useSearchParams } from 'react-router';
import { useGo, useInvalidate, useList, useOne } from '@refinedev/core';
import { Create, useForm, useSelect } from '@refinedev/antd';
import { CopyOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Typography } from 'antd';
import { formatInr, type FeeStructureBody, type FeeStructureView, type ProgramView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { EMPTY_FEE_VALUES, FeeStructureForm, toFeeFigures, type FeeStructureFormValues } from './components/fee-structure-form';
import { showComponentErrors } from './components/server-errors';
import { toFeeRows } from './rupees';

/** A new fee structure for a program and session; saving makes it the current one, the old one stays as history. */
export default function FeeStructureCreatePage() {
  const go = useGo();
  const invalidate = useInvalidate();
  const [params, setParams] = useSearchParams();
  const programId = params.get('programId') ?? undefined;

  const { form, formProps, saveButtonProps } = useForm<FeeStructureView, ApiRequestError, FeeStructureBody>({
    resource: 'fee-structures',
    action: 'create',
    redirect: false,
    successNotification: (data) => ({
      type: 'success',
      description: 'Fee structure saved',
      message: `${data?.data.session}: ${formatInr(data?.data.totalPaise)} is now the current fee of ${data?.data.programName}.`,
    }),
    errorNotification: fieldErrorsOnly('Could not save the fee structure'),
    onMutationSuccess: async (data) => {
      // The program shows its current fee: read it again before going back to it.
      await invalidate({ resource: 'programs', id: data.data.programId, invalidates: ['detail', 'list', 'many'] });
      go({ to: `/programs/show/${data.data.programId}` });
    },
    onMutationError: (error) => showComponentErrors(form, error),
  });

  const { result: program } = useOne<ProgramView>({ resource: 'programs', id: programId ?? '', queryOptions: { enabled: !!programId } });
  const session: string | undefined = Form.useWatch('session', form);
  const {
    result: { data: replaced },
  } = useList<FeeStructureView>({
    resource: 'fee-structures',
    filters: [
      { field: 'programId', operator: 'eq', value: programId },
      { field: 'session', operator: 'eq', value: session?.trim() },
      { field: 'isCurrent', operator: 'eq', value: 'true' },
    ],
    pagination: { currentPage: 1, pageSize: 1 },
    queryOptions: { enabled: !!programId && /^\d{4}-\d{2}$/.test(session?.trim() ?? '') },
  });
  const current = replaced?.[0];

  const { selectProps: programSelect } = useSelect<ProgramView>({
    resource: 'programs',
    optionLabel: (p) => `${p.name} — ${p.universityName}`,
    optionValue: 'id',
    pagination: { pageSize: 30, mode: 'server' },
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    debounce: 300,
    queryOptions: { enabled: !programId },
  });

  const submit = (values: FeeStructureFormValues) =>
    programId && formProps.onFinish?.({ ...toFeeFigures(values), programId, session: values.session.trim() });

  const copyCurrent = () => {
    const fee = program?.currentFee;
    if (!fee) return;
    form.setFieldsValue({ components: toFeeRows(fee.components), emiAvailable: fee.emiAvailable, scholarshipNotes: fee.scholarshipNotes });
  };

  return (
    <Create
      title="New fee structure"
      breadcrumb={false}
      goBack={programId ? undefined : false}
      saveButtonProps={{ ...saveButtonProps, disabled: !programId, children: 'Save fee structure' }}
    >
      {!programId ? (
        <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
          <Typography.Text>Which program is this fee for?</Typography.Text>
          <Select
            options={programSelect.options}
            onSearch={programSelect.onSearch}
            filterOption={false}
            loading={programSelect.loading}
            showSearch
            placeholder="Search programs"
            aria-label="Program"
            style={{ width: '100%' }}
            onChange={(value: string) => setParams({ programId: value })}
          />
        </Space>
      ) : (
        <FeeStructureForm
          formProps={formProps}
          form={form}
          mode="create"
          initialValues={EMPTY_FEE_VALUES}
          onSubmit={submit}
          beforeComponents={
            <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
              {program && (
                <Typography.Text type="secondary">
                  {program.name}, {program.universityName}
                </Typography.Text>
              )}
              {current ? (
                <Typography.Paragraph style={{ margin: 0 }} data-testid="fee-replaces">
                  <InfoCircleOutlined style={{ color: '#1f4e79' }} /> Saving makes this the current {current.session} fee. The one in use now (
                  {formatInr(current.totalPaise)}) stays in the program’s history, and comparisons already shared keep the figures they showed.
                </Typography.Paragraph>
              ) : null}
              {program?.currentFee && (
                <Button icon={<CopyOutlined />} onClick={copyCurrent} style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}>
                  Start from the current fee ({program.currentFee.session}, {formatInr(program.currentFee.totalPaise)})
                </Button>
              )}
            </Space>
          }
        />
      )}
    </Create>
  );
}
