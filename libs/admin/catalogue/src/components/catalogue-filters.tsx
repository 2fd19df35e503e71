import { APPROVALS, NAAC_GRADES } from '@advisordesk/shared';
import { FilterSelect, type ListFilters } from '@advisordesk/admin-ui';

export const APPROVAL_OPTIONS = APPROVALS.map((value) => ({ value, label: value }));
export const NAAC_OPTIONS = NAAC_GRADES.map((value) => ({ value, label: value }));

/** "Has approvals": universities (or programs of universities) holding every approval chosen. */
export function ApprovalsFilter({ filters, flex }: { filters: ListFilters; flex: string }) {
  return (
    <FilterSelect
      filters={filters}
      field="approvals"
      options={APPROVAL_OPTIONS}
      placeholder="Has approvals"
      label="Filter by approvals"
      multiple
      flex={flex}
    />
  );
}

/** Any of the NAAC grades chosen. */
export function NaacFilter({ filters, flex }: { filters: ListFilters; flex: string }) {
  return (
    <FilterSelect
      filters={filters}
      field="naacGrade"
      options={NAAC_OPTIONS}
      placeholder="Any NAAC grade"
      label="Filter by NAAC grade"
      multiple
      flex={flex}
    />
  );
}
