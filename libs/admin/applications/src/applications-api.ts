import { useCallback } from 'react';
import { useApiUrl, useInvalidate, useList, useOne } from '@refinedev/core';
import {
  UPLOAD_FIELD,
  type AddDocumentBody,
  type ApplicationStatusBody,
  type ApplicationView,
  type ChecklistItem,
  type ChecklistView,
  type CreateApplicationBody,
  type DocumentView,
  type PaymentBody,
  type PaymentView,
  type ReviewDocumentBody,
  type ShortlistItemView,
  type UpdateApplicationBody,
  type UploadLinkView,
} from '@advisordesk/shared';
import {
  filenameFromDisposition,
  leadResource,
  saveFile,
  toHttpError,
  useApiMutation,
  useApiSession,
  useRefreshLead,
  type ApiRequestError,
} from '@advisordesk/admin-data';

/** An application's own collections (`applications/<id>/documents`, `…/payments`) as Refine resources. */
export const applicationResource = (applicationId: string, part: 'documents' | 'payments') =>
  `applications/${encodeURIComponent(applicationId)}/${part}`;
const applicationPath = (applicationId: string) => `applications/${encodeURIComponent(applicationId)}`;

/** A lead's applications, newest first. */
export function useLeadApplications(leadId: string) {
  return useList<ApplicationView, ApiRequestError>({
    resource: 'applications',
    filters: [{ field: 'leadId', operator: 'eq', value: leadId }],
    sorters: [{ field: 'createdAt', order: 'desc' }],
    pagination: { mode: 'off' },
    errorNotification: false,
  });
}

export function useApplicationDocuments(applicationId: string) {
  return useList<DocumentView, ApiRequestError>({
    resource: applicationResource(applicationId, 'documents'),
    pagination: { mode: 'off' },
    errorNotification: false,
  });
}

export function useApplicationPayments(applicationId: string, enabled: boolean) {
  return useList<PaymentView, ApiRequestError>({
    resource: applicationResource(applicationId, 'payments'),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled },
  });
}

/** The lead's shortlist, where an application starts from. */
export function useShortlistForApplications(leadId: string, enabled: boolean) {
  return useList<ShortlistItemView, ApiRequestError>({
    resource: leadResource(leadId, 'shortlist'),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled },
  });
}

/**
 * After a change to an application: the applications (lists, counts, the home page), its
 * documents and payments, and its lead (status, timeline), which the API moves along with it.
 */
export function useRefreshApplication() {
  const invalidate = useInvalidate();
  const refreshLead = useRefreshLead();
  return useCallback(
    async (application: Pick<ApplicationView, 'id' | 'leadId'>) => {
      await Promise.all([
        invalidate({ resource: 'applications', invalidates: ['resourceAll'] }),
        invalidate({ resource: applicationResource(application.id, 'documents'), invalidates: ['resourceAll'] }),
        invalidate({ resource: applicationResource(application.id, 'payments'), invalidates: ['resourceAll'] }),
        refreshLead(application.leadId),
      ]);
    },
    [invalidate, refreshLead],
  );
}

export function useStartApplication(leadId: string) {
  const refresh = useRefreshApplication();
  return useApiMutation<ApplicationView, CreateApplicationBody>({
    request: (body) => ({ path: leadResource(leadId, 'applications'), method: 'post', values: body }),
    onSuccess: (created) => refresh(created),
  });
}

export function useUpdateApplication(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<ApplicationView, UpdateApplicationBody>({
    request: (body) => ({ path: applicationPath(application.id), method: 'patch', values: body }),
    onSuccess: () => refresh(application),
    // A stale version: the latest is loaded, so the next try starts from it.
    onError: (error) => (error.statusCode === 409 ? refresh(application) : undefined),
  });
}

export function useMoveApplication(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<ApplicationView, ApplicationStatusBody>({
    request: (body) => ({ path: `${applicationPath(application.id)}/status`, method: 'post', values: body }),
    onSuccess: () => refresh(application),
    onError: (error) => (error.statusCode === 409 ? refresh(application) : undefined),
  });
}

/** `PUT …/documents/:docId/file`, multipart (`file`): the API decides the type by the bytes (415) and the size (413). */
export function useUploadDocument(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<DocumentView, { documentId: string; file: Blob; fileName: string }>({
    request: ({ documentId, file, fileName }) => {
      const form = new FormData();
      form.append(UPLOAD_FIELD, file, fileName);
      return { path: `${applicationResource(application.id, 'documents')}/${encodeURIComponent(documentId)}/file`, method: 'put', values: form };
    },
    onSuccess: () => refresh(application),
  });
}

export function useReviewDocument(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<DocumentView, { documentId: string } & ReviewDocumentBody>({
    request: ({ documentId, ...body }) => ({
      path: `${applicationResource(application.id, 'documents')}/${encodeURIComponent(documentId)}/review`,
      method: 'post',
      values: body,
    }),
    onSuccess: () => refresh(application),
  });
}

export function useAddDocument(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<DocumentView, AddDocumentBody>({
    request: (body) => ({ path: applicationResource(application.id, 'documents'), method: 'post', values: body }),
    onSuccess: () => refresh(application),
  });
}

export function useRecordPayment(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<PaymentView, PaymentBody>({
    request: (body) => ({ path: applicationResource(application.id, 'payments'), method: 'post', values: body }),
    onSuccess: () => refresh(application),
  });
}

export function useDeletePayment(application: ApplicationView) {
  const refresh = useRefreshApplication();
  return useApiMutation<unknown, string>({
    request: (paymentId) => ({ path: `${applicationResource(application.id, 'payments')}/${encodeURIComponent(paymentId)}`, method: 'delete' }),
    onSuccess: () => refresh(application),
  });
}

export function useCreateUploadLink(application: ApplicationView) {
  return useApiMutation<UploadLinkView, void>({
    request: () => ({ path: `${applicationPath(application.id)}/upload-link`, method: 'post' }),
  });
}

/**
 * Downloads a file with the signed-in session (the request needs the token, so it cannot be a
 * plain `<a href>`: a document's file, the CSV export), then hands it to the browser to save.
 */
export function useAuthorisedDownload() {
  const apiUrl = useApiUrl();
  const session = useApiSession();
  return useCallback(
    async (path: string, fallbackName: string) => {
      const get = () => {
        const token = session.accessToken();
        return fetch(`${apiUrl}/${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      };
      let response = await get();
      if (response.status === 401) {
        await session.renew();
        response = await get();
      }
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => ({}));
        throw toHttpError({ response: { status: response.status, data: body, headers: {} } });
      }
      saveFile(await response.blob(), filenameFromDisposition(response.headers.get('content-disposition'), fallbackName));
    },
    [apiUrl, session],
  );
}

/** A document's file (`GET /api/applications/:id/documents/:docId/file`, an attachment). */
export function useDownloadDocument() {
  const download = useAuthorisedDownload();
  return useCallback(
    (document: Pick<DocumentView, 'id' | 'applicationId' | 'fileName'>) =>
      download(
        `${applicationResource(document.applicationId, 'documents')}/${encodeURIComponent(document.id)}/file`,
        document.fileName ?? 'document',
      ),
    [download],
  );
}

// ---------------------------------------------------------------------------------------------
// Checklists

export const DEFAULT_CHECKLIST_RESOURCE = { resource: 'checklists', id: 'default' } as const;

export function useDefaultChecklist(enabled = true) {
  return useOne<ChecklistView, ApiRequestError>({ ...DEFAULT_CHECKLIST_RESOURCE, errorNotification: false, queryOptions: { enabled } });
}

export function useProgramChecklist(programId: string) {
  return useOne<ChecklistView, ApiRequestError>({ resource: `programs/${encodeURIComponent(programId)}`, id: 'checklist', errorNotification: false });
}

/** `PUT /api/checklists/default` or `PUT /api/programs/:id/checklist` (`items: null`: the program goes back to the default). */
export function useSaveChecklist(programId: string | null) {
  const invalidate = useInvalidate();
  return useApiMutation<ChecklistView, ChecklistItem[] | null>({
    request: (items) => ({
      path: programId ? `programs/${encodeURIComponent(programId)}/checklist` : 'checklists/default',
      method: 'put',
      values: { items },
    }),
    onSuccess: () =>
      Promise.all([
        invalidate({ resource: 'checklists', invalidates: ['resourceAll'] }),
        ...(programId ? [invalidate({ resource: `programs/${encodeURIComponent(programId)}`, invalidates: ['resourceAll'] })] : []),
      ]),
  });
}
