/** "1,234 leads", or "about 12,345 leads" when the API's total is PostgreSQL's estimate. */
export function describeLeadTotal(count: number, estimated: boolean): string {
  return `${estimated ? 'about ' : ''}${count.toLocaleString('en-IN')} ${count === 1 ? 'lead' : 'leads'}`;
}
