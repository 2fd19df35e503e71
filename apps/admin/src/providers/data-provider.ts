import simpleRest, { generateFilter, generateSort, stringify } from '@refinedev/simple-rest';
import type { BaseRecord, CrudFilter, CrudSort, CustomParams, CustomResponse, GetListParams, GetListResponse } from '@refinedev/core';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { uploadMetaOf } from '@advisordesk/admin-data';

/** True when the API says a list's `x-total-count` is PostgreSQL's estimate, not a count. */
export function isTotalEstimated(headers: AxiosResponse['headers'] | undefined): boolean {
  return String(headers?.['x-total-count-estimated'] ?? '').toLowerCase() === 'true';
}

/** A list page, saying whether its total is an estimate (`estimated`). */
export type ListPage<TData> = GetListResponse<TData> & { estimated: boolean };

/** The query string simple-rest sends: sorting (`_sort`, `_order`), filters (`status=new`, `createdAt_gte=…`, `q`) and `extra`. */
function queryString(sorters: CrudSort[] | undefined, filters: CrudFilter[] | undefined, extra: object = {}): string {
  const sort = generateSort(sorters);
  return stringify({ ...extra, ...(sort ? { _sort: sort._sort.join(','), _order: sort._order.join(',') } : {}), ...generateFilter(filters) });
}

/**
 * simple-rest over the panel's HTTP client, with two of its methods written out so they can do
 * more: a list page also says whether its total is an estimate (the API's
 * `x-total-count-estimated`; the flag travels, and is cached, with the page it describes, so a list
 * can write "about 12,000"), and a read can be cancelled (a report whose filters changed); an upload reports its progress (`UploadMeta`).
 */
export function createDataProvider(apiUrl: string, httpClient: AxiosInstance) {
  const rest = simpleRest(apiUrl, httpClient);
  return {
    ...rest,
    getList: async <TData extends BaseRecord = BaseRecord>({
      resource,
      pagination,
      filters,
      sorters,
      meta,
    }: GetListParams): Promise<ListPage<TData>> => {
      const { currentPage = 1, pageSize = 10, mode = 'server' } = pagination ?? {};
      const paging = mode === 'server' ? { _start: (currentPage - 1) * pageSize, _end: currentPage * pageSize } : {};
      const query = queryString(sorters, filters, paging);
      const response = await httpClient.get<TData[]>(`${apiUrl}/${resource}${query ? `?${query}` : ''}`, {
        headers: meta?.headers,
        signal: meta?.signal,
      });
      const total = Number(response.headers['x-total-count']);
      return { data: response.data, total: total || response.data.length, estimated: isTotalEstimated(response.headers) };
    },
    custom: async <TData extends BaseRecord = BaseRecord>(params: CustomParams): Promise<CustomResponse<TData>> => {
      const upload = uploadMetaOf(params.meta);
      if (params.method !== 'get' && upload) {
        // An upload: its progress is reported as the body leaves the browser.
        const response = await httpClient.request<TData>({
          url: params.url,
          method: params.method,
          data: params.payload,
          headers: params.headers,
          timeout: upload.timeoutMs,
          onUploadProgress: (event) => upload.onUploadProgress?.(event.total ? event.loaded / event.total : (event.progress ?? 0)),
        });
        return { data: response.data };
      }
      if (params.method !== 'get') return rest.custom<TData>(params);
      const query = queryString(params.sorters, params.filters, params.query ?? {});
      const response = await httpClient.get<TData>(`${params.url}${query ? `?${query}` : ''}`, {
        headers: params.headers,
        signal: params.meta?.signal,
      });
      return { data: response.data };
    },
  };
}
