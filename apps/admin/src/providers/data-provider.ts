import dataProvider from '@refinedev/simple-rest';
import type { BaseRecord, GetListParams, GetListResponse } from '@refinedev/core';
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';

/** True when the API says a list's `x-total-count` is PostgreSQL's estimate, not a count. */
export function isTotalEstimated(headers: AxiosResponse['headers'] | undefined): boolean {
  return String(headers?.['x-total-count-estimated'] ?? '').toLowerCase() === 'true';
}

/** A list page, saying whether its total is an estimate (`estimated`). */
export type ListPage<TData> = GetListResponse<TData> & { estimated: boolean };

/**
 * simple-rest over the panel's HTTP client, with `estimated` added to every list page. The flag
 * travels with the page it describes (and is cached with it), so a list can write "about 12,000".
 */
export function createDataProvider(apiUrl: string, httpClient: AxiosInstance) {
  return {
    ...dataProvider(apiUrl, httpClient),
    getList: async <TData extends BaseRecord = BaseRecord>(params: GetListParams): Promise<ListPage<TData>> => {
      let estimated = false;
      // simple-rest reads only `x-total-count`: this one request goes through a client that also reads the flag.
      const client: AxiosInstance = Object.create(httpClient);
      client.get = (async (url: string, config?: AxiosRequestConfig) => {
        const response = await httpClient.get(url, config);
        estimated = isTotalEstimated(response.headers);
        return response;
      }) as AxiosInstance['get'];
      const page = await dataProvider(apiUrl, client).getList<TData>(params);
      return { ...page, estimated };
    },
  };
}
