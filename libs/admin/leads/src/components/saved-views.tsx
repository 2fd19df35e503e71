import { useGo, useParsed, type CrudFilters, type CrudSort } from '@refinedev/core';
import { listQuery, useAccess, useSavedViewChanges, useSavedViewPath, useSavedViews } from '@advisordesk/admin-data';
import { SavedViewTags, SaveViewButton } from '@advisordesk/admin-ui';

/** "Save view" of the lead list: its filters and sort as the API reads them, and the chosen columns. */
export function SaveLeadViewButton({ filters, sorters }: { filters: CrudFilters; sorters: CrudSort[] }) {
  const { canWrite } = useAccess();
  const { params } = useParsed<{ columns?: string }>();
  const { mayShare, save } = useSavedViewChanges('leads');
  if (!canWrite('savedViews')) return null;
  const onSave = (name: string, shared: boolean) => {
    const query = new URLSearchParams(listQuery(filters, sorters));
    if (typeof params?.columns === 'string') query.set('columns', params.columns);
    return save(name, query.toString(), shared);
  };
  return <SaveViewButton mayShare={mayShare} onSave={onSave} />;
}

/** The lead list's saved views, mine first then shared, each opening the list as saved. */
export function SavedViewsBar() {
  const { views } = useSavedViews('leads');
  const { mayDelete, remove } = useSavedViewChanges('leads');
  const pathOf = useSavedViewPath();
  const go = useGo();
  return (
    <SavedViewTags
      label="Saved views:"
      views={views}
      mayDelete={mayDelete}
      onOpen={(view) => go({ to: pathOf(view, '/leads') })}
      onDelete={remove}
      testId="saved-views"
    />
  );
}
