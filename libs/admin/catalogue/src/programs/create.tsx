import { useSearchParams } from 'react-router';
import { Create, useForm } from '@refinedev/antd';
import type { ProgramView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { ProgramForm, type ProgramFormValues } from './components/program-form';

export default function ProgramCreatePage() {
  const [params] = useSearchParams();
  const { formProps, saveButtonProps } = useForm<ProgramView, ApiRequestError, ProgramFormValues>({
    resource: 'programs',
    action: 'create',
    redirect: 'show',
    successNotification: (data) => ({
      type: 'success',
      description: 'Program added',
      message: `${data?.data.name} is in the catalogue. Add its fee structure next.`,
    }),
    errorNotification: fieldErrorsOnly('Could not add the program'),
  });
  return (
    <Create title="Add a program" breadcrumb={false} saveButtonProps={{ ...saveButtonProps, children: 'Add program' }}>
      <ProgramForm formProps={formProps} mode="create" universityId={params.get('universityId') ?? undefined} />
    </Create>
  );
}
