import { useParsed } from '@refinedev/core';
import LeadListPage from './list';

/** The lead list, started afresh when a saved view is opened (`view=<id>` in the address): the table reads the address only when it starts. */
export default function LeadListWithViews() {
  const { params } = useParsed<{ view?: string }>();
  return <LeadListPage key={typeof params?.view === 'string' ? params.view : 'list'} />;
}
