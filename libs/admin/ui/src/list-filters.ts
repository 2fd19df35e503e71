import type { CrudFilter, CrudOperators, LogicalFilter } from '@refinedev/core';

type Scalar = string | number | boolean;
export type FilterValue = Scalar | Scalar[] | undefined | null;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Reads and writes the list filters that `useTable` keeps in the address (`syncWithLocation`). */
export function listFilters(filters: CrudFilter[], setFilters: (filters: CrudFilter[], behavior?: 'merge' | 'replace') => void) {
  const find = (field: string, operator: CrudOperators) => filters.find((f) => 'field' in f && f.field === field && f.operator === operator);
  return {
    /** The filters that hold a value (`q` included), in the address's order: what a list shows as chips. */
    active: filters.filter((f): f is LogicalFilter => 'field' in f && isSet(f.value)),
    /** One value (`eq`, `gte`, `lte`…): as text, or undefined. */
    text(field: string, operator: CrudOperators = 'eq'): string | undefined {
      const value = find(field, operator)?.value;
      if (value === undefined || value === null || value === '' || Array.isArray(value)) return undefined;
      return String(value);
    },
    /** Several values (`in`: "any of", or for approvals "has all"): always a list. */
    list(field: string, operator: CrudOperators = 'in'): string[] {
      const value = find(field, operator)?.value;
      if (value === undefined || value === null || value === '') return [];
      return (Array.isArray(value) ? value : [value]).map(String);
    },
    /** Sets one filter (an empty value or list removes it); the table goes back to page 1. */
    set(field: string, value: FilterValue, operator: CrudOperators = 'eq') {
      setFilters([{ field, operator, value: isSet(value) ? value : undefined } as CrudFilter], 'merge');
    },
    /** Sets several filters at once (a range's two ends, or a value that replaces another operator's). */
    setMany(next: { field: string; value: FilterValue; operator?: CrudOperators }[]) {
      setFilters(
        next.map(({ field, value, operator = 'eq' }) => ({ field, operator, value: isSet(value) ? value : undefined }) as CrudFilter),
        'merge',
      );
    },
    /** How many filters are set, `q` included. */
    count: filters.filter((f) => isSet(f.value)).length,
  };
}

/** What `listFilters` answers: read and write a list's filters. */
export type ListFilters = ReturnType<typeof listFilters>;
