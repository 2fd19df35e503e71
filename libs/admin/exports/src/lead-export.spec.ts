import { filenameFromDisposition, listQuery } from '@advisordesk/admin-data';
import { createCsvRowCounter, downloadLeadExport, ExportFailed, type ExportProgress } from './lead-export';
import { describeExportFilters, describeExportSort } from './describe-filters';

describe('the export query', () => {
  it('is the query simple-rest sends for the list: eq/in repeat the field, ne/gte/lte/contains get suffixes, q stays q', () => {
    const query = listQuery(
      [
        { field: 'status', operator: 'in', value: ['new', 'contacted'] },
        { field: 'source', operator: 'eq', value: 'website' },
        { field: 'lostReason', operator: 'ne', value: 'duplicate' },
        { field: 'createdAt', operator: 'gte', value: '2026-04-01' },
        { field: 'createdAt', operator: 'lte', value: '2026-04-30' },
        { field: 'city', operator: 'contains', value: 'Pune' },
        { field: 'q', operator: 'contains', value: '98765' },
        { field: 'level', operator: 'eq', value: undefined },
      ],
      [{ field: 'createdAt', order: 'desc' }],
    );
    expect(query).toBe(
      'status=new&status=contacted&source=website&lostReason_ne=duplicate&createdAt_gte=2026-04-01&createdAt_lte=2026-04-30&city_like=Pune&q=98765&_sort=createdAt&_order=desc',
    );
  });

  it('keeps an empty value (the API reads it as "not set") and lets the last filter on a key win, as the list does', () => {
    expect(listQuery([{ field: 'utmCampaign', operator: 'eq', value: '' }], [])).toBe('utmCampaign=');
    expect(
      listQuery(
        [
          { field: 'source', operator: 'eq', value: 'phone' },
          { field: 'source', operator: 'in', value: ['website'] },
        ],
        [],
      ),
    ).toBe('source=website');
    expect(
      listQuery(
        [],
        [
          { field: 'fullName', order: 'asc' },
          { field: 'createdAt', order: 'desc' },
        ],
      ),
    ).toBe('_sort=fullName%2CcreatedAt&_order=asc%2Cdesc');
  });

  it('refuses "or"/"and" filters, which the list cannot send either', () => {
    expect(() => listQuery([{ operator: 'or', value: [{ field: 'source', operator: 'eq', value: 'phone' }] }], [])).toThrow(/or/);
  });
});

describe('the downloaded file', () => {
  it('takes its name from Content-Disposition, safely', () => {
    expect(filenameFromDisposition('attachment; filename="advisordesk-leads-2026-04-06.csv"', 'x.csv')).toBe('advisordesk-leads-2026-04-06.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''leads%20April.csv", 'x.csv')).toBe('leads April.csv');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('..-..-etc-passwd');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
  });

  it('counts CSV rows as bytes arrive, with quoted commas, quotes and newlines inside fields, split anywhere', () => {
    const csv = '\uFEFFreference,fullName,courseInterest\r\nADK-1,"Rao, Priya","MBA\nand ""MCA"""\nADK-2,Arjun,BBA\n';
    const bytes = new TextEncoder().encode(csv);
    for (const size of [1, 3, 7, bytes.length]) {
      const counter = createCsvRowCounter();
      for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size));
      expect(counter.rows).toBe(2);
    }
    const partial = createCsvRowCounter();
    partial.push(new TextEncoder().encode('a,b\n1,2\n3,4'));
    expect(partial.rows).toBe(2);
    const headerOnly = createCsvRowCounter();
    headerOnly.push(new TextEncoder().encode('a,b\n'));
    expect(headerOnly.rows).toBe(0);
  });
});

describe('downloading an export', () => {
  const csvResponse = (body: string, headers: Record<string, string> = {}) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(body);
          controller.enqueue(bytes.subarray(0, 10));
          controller.enqueue(bytes.subarray(10));
          controller.close();
        },
      }),
      {
        status: 200,
        headers: {
          'content-type': 'text/csv',
          'x-total-count': '2',
          'content-disposition': 'attachment; filename="advisordesk-leads-2026-04-06.csv"',
          ...headers,
        },
      },
    );

  it('streams the file with the token, reporting rows received of the total', async () => {
    const seen: ExportProgress[] = [];
    const calls: RequestInit[] = [];
    const result = await downloadLeadExport({
      url: '/api/exports/leads.csv?source=website',
      signal: new AbortController().signal,
      getToken: () => 'token-1',
      renewSession: async () => undefined,
      onProgress: (p) => seen.push(p),
      fetcher: async (_url, init) => {
        calls.push(init ?? {});
        return csvResponse('\uFEFFa,b\n1,2\n3,4\n');
      },
    });
    expect((calls[0].headers as Record<string, string>).Authorization).toBe('Bearer token-1');
    expect(result).toMatchObject({ rows: 2, total: 2, filename: 'advisordesk-leads-2026-04-06.csv' });
    const saved = new Uint8Array(await result.blob.arrayBuffer());
    expect([...saved.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark stays, for Excel
    expect(new TextDecoder().decode(saved)).toBe('a,b\n1,2\n3,4\n');
    expect(seen[0]).toEqual({ rows: 0, total: 2 });
    expect(seen[seen.length - 1]).toEqual({ rows: 2, total: 2 });
  });

  it('renews the session once after a 401 and starts again with the new token', async () => {
    let token = 'old';
    const sent: string[] = [];
    const result = await downloadLeadExport({
      url: '/api/exports/leads.csv',
      signal: new AbortController().signal,
      getToken: () => token,
      renewSession: async () => {
        token = 'new';
      },
      onProgress: () => undefined,
      fetcher: async (_url, init) => {
        const auth = (init?.headers as Record<string, string>).Authorization;
        sent.push(auth);
        return auth === 'Bearer new' ? csvResponse('a\n1\n', { 'x-total-count': '1' }) : new Response('{}', { status: 401 });
      },
    });
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
    expect(result.rows).toBe(1);
  });

  it('says what the API refused, before any file is written', async () => {
    const attempt = downloadLeadExport({
      url: '/api/exports/leads.csv?status=nope',
      signal: new AbortController().signal,
      getToken: () => 't',
      renewSession: async () => undefined,
      onProgress: () => undefined,
      fetcher: async () =>
        new Response(JSON.stringify({ statusCode: 400, message: 'status must be one of: new, contacted' }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    });
    await expect(attempt).rejects.toBeInstanceOf(ExportFailed);
    await expect(attempt).rejects.toMatchObject({ statusCode: 400, message: 'status must be one of: new, contacted' });
  });
});

describe('the export log in words', () => {
  it('describes recorded filters the way people say them', () => {
    const names = new Map([['6f1c2a52-7f39-4b8e-9b62-8f4f3e1d2c10', 'Rahul Verma']]);
    expect(
      describeExportFilters(
        {
          status: ['new', 'contacted'],
          source: 'walk_in',
          createdAt_gte: '2026-04-01',
          createdAt_lte: '2026-04-30',
          advisorId: '6f1c2a52-7f39-4b8e-9b62-8f4f3e1d2c10',
          utmCampaign: '',
          q: 'Priya',
          _sort: 'createdAt',
          _order: 'desc',
        },
        names,
      ),
    ).toEqual([
      'Status: New, Contacted',
      'Source: Walk-in',
      'Created from 1 Apr 2026',
      'Created until 30 Apr 2026',
      'Advisor: Rahul Verma',
      'Campaign: not set',
      'Search “Priya”',
    ]);
    expect(describeExportFilters({})).toEqual([]);
    expect(describeExportSort({ _sort: 'createdAt', _order: 'desc' })).toBe('Newest first');
    expect(describeExportSort({ _sort: 'fullName,createdAt', _order: 'asc,desc' })).toBe('Sorted by name ↑, created ↓');
    expect(describeExportSort({})).toBeNull();
  });
});
