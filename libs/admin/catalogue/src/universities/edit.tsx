import { useLocation, useNavigate, useParams } from 'react-router';
import { Edit, ListButton, RefreshButton, useForm } from '@refinedev/antd';
import type { UniversityView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly } from '@advisordesk/admin-ui';
import { UniversityForm, type UniversityFormValues } from './components/university-form';

export default function UniversityEditPage() {
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const { formProps, saveButtonProps, query } = useForm<UniversityView, ApiRequestError, UniversityFormValues>({
    resource: 'universities',
    action: 'edit',
    id,
    redirect: false,
    // Back to the list as it was left (search, filters, page), or to the list itself when opened directly.
    onMutationSuccess: () => (location.key !== 'default' ? navigate(-1) : navigate('/universities')),
    successNotification: (data) => ({ type: 'success', description: 'Changes saved', message: `${data?.data.name} is up to date.` }),
    errorNotification: fieldErrorsOnly('Could not save the changes'),
  });
  const record = query?.data?.data;
  // The API refuses a stale edit (409) instead of silently overwriting someone else's change.
  const onFinish = (values: UniversityFormValues) => formProps.onFinish?.({ ...values, version: record?.version });
  return (
    <Edit
      title={record ? `Edit ${record.name}` : 'Edit university'}
      breadcrumb={false}
      isLoading={query?.isLoading}
      saveButtonProps={{ ...saveButtonProps, children: 'Save changes' }}
      headerButtons={() => (
        <>
          <ListButton resource="universities">Universities</ListButton>
          <RefreshButton resource="universities" recordItemId={id} />
        </>
      )}
    >
      <UniversityForm formProps={{ ...formProps, onFinish }} mode="edit" />
    </Edit>
  );
}
