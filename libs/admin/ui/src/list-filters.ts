import type { CrudFilter, CrudOperators } from '@refinedev/core';

type Scalar = string | number | boolean;
export type FilterValue = Scalar | Scalar[] | undefined | null;

/** Reads and writes the list filters that `useTable` keeps in the address (`syncWithLocation`). */
export function listFilters(filters: CrudFilter[], setFilters: (filters: CrudFilter[], behavior?: 'merge' | 'replace') => void) {
  const find = (field: string, operator: CrudOperators) => filters.find((f) => 'field' in f && f.field === field && f.operator === operator);
  return {
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
      const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
      setFilters([{ field, operator, value: empty ? undefined : value } as CrudFilter], 'merge');
    },
    setMany(next: { field: string; value: FilterValue; operator?: CrudOperators }[]) {
      setFilters(
        next.map(({ field, value, operator = 'eq' }) => {
          const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
          return { field, operator, value: empty ? undefined : value } as CrudFilter;
        }),
        'merge',
      );
    },
    /** How many filters are set, `q` included. */
    count: filters.filter((f) => f.value !== undefined && f.value !== null && f.value !== '' && !(Array.isArray(f.value) && f.value.length === 0)).length,
  };
}

/** What `listFilters` answers: read and write a list's filters. */
export type ListFilters = ReturnType<typeof listFilters>;
