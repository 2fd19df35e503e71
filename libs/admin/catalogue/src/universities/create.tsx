import { Create, useForm } from '@refinedev/antd';
import type { UniversityView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { UniversityForm, type UniversityFormValues } from './components/university-form';

export default function UniversityCreatePage() {
  const { formProps, saveButtonProps } = useForm<UniversityView, ApiRequestError, UniversityFormValues>({
    resource: 'universities',
    action: 'create',
    redirect: 'list',
    successNotification: (data) => ({ type: 'success', description: 'University added', message: `${data?.data.name} is in the catalogue.` }),
    errorNotification: fieldErrorsOnly('Could not add the university'),
  });
  return (
    <Create title="Add a university" breadcrumb={false} saveButtonProps={{ ...saveButtonProps, children: 'Add university' }}>
      <UniversityForm formProps={formProps} mode="create" />
    </Create>
  );
}
