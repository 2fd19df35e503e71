/**
 * An upload sent through Refine's `useCustomMutation` with this as its `meta`: the data provider
 * reports how much of the body has left the browser, and waits longer than a plain change does
 * (a large file is read by the server while it arrives).
 */
export interface UploadMeta {
  /** 0..1, as the browser sends the body. */
  onUploadProgress?: (fraction: number) => void;
  /** How long to wait for the answer, in milliseconds (default: the client's). */
  timeoutMs?: number;
}

/** The upload part of a request's `meta`, if it has one. */
export function uploadMetaOf(meta: Record<string, unknown> | undefined): UploadMeta | undefined {
  if (!meta || (typeof meta.onUploadProgress !== 'function' && typeof meta.timeoutMs !== 'number')) return undefined;
  return { onUploadProgress: meta.onUploadProgress as UploadMeta['onUploadProgress'], timeoutMs: meta.timeoutMs as number | undefined };
}
