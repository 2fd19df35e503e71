import { useApiUrl, useCustomMutation, useInvalidate } from '@refinedev/core';
import { LEAD_IMPORT_FILE_FIELD, LEAD_IMPORT_MAPPING_FIELD, type LeadImportMapping, type LeadImportResult } from '@advisordesk/shared';
import type { ApiRequestError, UploadMeta } from '@advisordesk/admin-data';

/** A large file is read while it arrives and written in one transaction: minutes, not the usual 30 s. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

export interface ImportRequest {
  file: Blob;
  fileName: string;
  mapping: LeadImportMapping;
  dryRun: boolean;
  /** 0..1 as the file leaves the browser (the server reads it as it arrives). */
  onProgress: (fraction: number) => void;
}

/** `POST /api/leads/import?dryRun=…` (multipart: `mapping` first, then `file`); an import refreshes the history. */
export function useLeadImport() {
  const apiUrl = useApiUrl();
  const invalidate = useInvalidate();
  const { mutateAsync, mutation } = useCustomMutation<LeadImportResult, ApiRequestError>();
  const run = async ({ file, fileName, mapping, dryRun, onProgress }: ImportRequest): Promise<LeadImportResult> => {
    const form = new FormData();
    form.append(LEAD_IMPORT_MAPPING_FIELD, JSON.stringify(mapping));
    form.append(LEAD_IMPORT_FILE_FIELD, file, fileName);
    const { data } = await mutateAsync({
      url: `${apiUrl}/leads/import?dryRun=${dryRun}`,
      method: 'post',
      values: form,
      meta: { onUploadProgress: onProgress, timeoutMs: IMPORT_TIMEOUT_MS } satisfies UploadMeta,
      successNotification: false,
      errorNotification: false,
    });
    if (!dryRun) await invalidate({ resource: 'lead-imports', invalidates: ['list'] });
    return data;
  };
  return { run, isPending: mutation.isPending };
}
