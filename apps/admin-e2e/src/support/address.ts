/** A list filter as Refine keeps it in the address: `filters[0][field]=source&filters[0][operator]=eq&filters[0][value]=website`. */
export interface UrlFilter {
  field: string;
  operator: string;
  /** One value, or the values of a list (`filters[0][value][0]=new&filters[0][value][1]=contacted`). */
  value: string | string[];
}

interface Parsed {
  field?: string;
  operator?: string;
  /** `[value]=…` (the last one). */
  single?: string;
  /** `[value][i]=…`, in order. */
  items: string[];
  listed: boolean;
}

function parse(url: string): Parsed[] {
  const found = new Map<string, Parsed>();
  for (const [key, value] of new URL(url).searchParams) {
    const match = /^filters\[(\d+)\]\[(field|operator|value)\](?:\[(\d+)\])?$/.exec(key);
    if (!match) continue;
    const entry = found.get(match[1]) ?? { items: [], listed: false };
    if (match[2] === 'field') entry.field = value;
    else if (match[2] === 'operator') entry.operator = value;
    else if (match[3] !== undefined) {
      entry.items.push(value);
      entry.listed = true;
    } else entry.single = value;
    found.set(match[1], entry);
  }
  return [...found.values()];
}

/** Every filter in the address, in order. */
export function filtersInUrl(url: string): UrlFilter[] {
  return parse(url).map((f) => ({ field: f.field ?? '', operator: f.operator ?? '', value: f.listed ? f.items : (f.single ?? '') }));
}

/** The filters as `field_operator → values` (`level_in → ['PG']`, `q_eq → ['Priya']`). */
export function filtersByOperator(url: string): Record<string, string[]> {
  return Object.fromEntries(parse(url).map((f) => [`${f.field}_${f.operator}`, [...(f.single === undefined ? [] : [f.single]), ...f.items]]));
}

/** The one-value filters as `field → value` (`q → 'Priya'`, `role → 'manager'`). */
export function filterValues(url: string): Record<string, string> {
  return Object.fromEntries(parse(url).flatMap((f) => (f.field === undefined ? [] : [[f.field, f.single ?? '']])));
}
