/** Where the privacy screens live (the shell's resource list routes them; links here use the same paths). */
export const DATA_REQUESTS_PATH = '/data-requests';
export const DATA_REQUEST_PATH = '/data-requests/:id';
export const DATA_SUMMARY_PATH = '/data-requests/:id/summary';
export const RETENTION_PATH = '/settings/retention';

export const dataRequestPath = (id: string) => `${DATA_REQUESTS_PATH}/${encodeURIComponent(id)}`;
export const dataSummaryPath = (id: string) => `${dataRequestPath(id)}/summary`;
