import type { CrudFilters, CrudSort } from '@refinedev/core';

/**
 * Files the panel downloads with the signed-in session (a CSV export, a document): the query a
 * list sends, the name the server gives the file, and handing the file to the browser.
 */

/** simple-rest's operator suffixes: `eq`/`in` → `field`, `ne`/`gte`/`lte` → `field_ne`…, `contains` → `field_like`. */
function suffixOf(operator: string): string {
  switch (operator) {
    case 'ne':
    case 'gte':
    case 'lte':
      return `_${operator}`;
    case 'contains':
      return '_like';
    default:
      return '';
  }
}

/**
 * `status=new&status=contacted&createdAt_gte=2026-04-01&_sort=createdAt&_order=desc`, as
 * simple-rest's `getList` builds it (without the paging): the last filter on a key wins, `q` stays
 * `q`, arrays repeat the key, an empty string stays (the API reads `field=` as "not set").
 */
export function listQuery(filters: CrudFilters, sorters: CrudSort[]): string {
  const values = new Map<string, unknown>();
  for (const filter of filters) {
    if (filter.operator === 'or' || filter.operator === 'and')
      throw new Error('These filters combine conditions with "or"/"and", which the export cannot apply: simplify them first.');
    if (!('field' in filter)) continue;
    values.set(filter.field === 'q' ? 'q' : `${filter.field}${suffixOf(filter.operator)}`, filter.value);
  }
  const params = new URLSearchParams();
  for (const [key, value] of values) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, String(item)));
    else params.append(key, String(value));
  }
  if (sorters.length) {
    params.set('_sort', sorters.map((s) => s.field).join(','));
    params.set('_order', sorters.map((s) => s.order).join(','));
  }
  return params.toString();
}

/** `attachment; filename="advisordesk-leads-2026-04-06.csv"` → the name, or `fallback`. */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return safeFilename(decodeURIComponent(encoded[1].trim()), fallback);
    } catch {
      // a malformed encoded name: try the plain one
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return safeFilename((plain?.[1] ?? plain?.[2] ?? '').trim(), fallback);
}

function safeFilename(name: string, fallback: string): string {
  // Path separators, characters filesystems refuse, and control characters become '-'.
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '/\\?%*:|"<>'.includes(c) ? '-' : c))
    .join('')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

/** Hands the file to the browser's downloads (an object URL and a `download` link). */
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
