import { useParams } from 'react-router';
import { Edit, RefreshButton, ShowButton, useForm } from '@refinedev/antd';
import type { ProgramView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { ProgramForm, type ProgramFormValues } from './components/program-form';

export default function ProgramEditPage() {
  const { id } = useParams<{ id: string }>();
  const { formProps, saveButtonProps, query } = useForm<ProgramView, ApiRequestError, ProgramFormValues>({
    resource: 'programs',
    action: 'edit',
    id,
    redirect: 'show',
    successNotification: (data) => ({ type: 'success', description: 'Changes saved', message: `${data?.data.name} is up to date.` }),
    errorNotification: fieldErrorsOnly('Could not save the changes'),
  });
  const record = query?.data?.data;
  // The version read with the record: the API answers 409 rather than overwrite someone else's change.
  const onFinish = (values: ProgramFormValues) => formProps.onFinish?.({ ...values, version: record?.version });
  return (
    <Edit
      title={record ? `Edit ${record.name}` : 'Edit program'}
      breadcrumb={false}
      isLoading={query?.isLoading}
      saveButtonProps={{ ...saveButtonProps, children: 'Save changes' }}
      headerButtons={() => (
        <>
          <ShowButton resource="programs" recordItemId={id}>
            View program
          </ShowButton>
          <RefreshButton resource="programs" recordItemId={id} />
        </>
      )}
    >
      {record && <ProgramForm formProps={{ ...formProps, onFinish }} mode="edit" universityId={record.universityId} />}
    </Edit>
  );
}
