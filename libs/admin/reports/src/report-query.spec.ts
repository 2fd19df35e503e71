import {
  applicationDrillPath,
  applicationGroupsFor,
  cohortFilters,
  conversionGroupsFor,
  groupFilters,
  groupLabel,
  leadListPath,
  mondayOf,
  presetOf,
  presetRange,
  rangeLabel,
  readReportQuery,
  reportApiParams,
  reportSearch,
  stageFilters,
  weeksOf,
  withFilters,
} from './report-query';

const ADVISOR = '6f1c2a52-7f39-4b8e-9b62-8f4f3e1d2c10';

describe('report periods', () => {
  it('offers the last 90 days, this month, last month, this year and this financial year', () => {
    const today = '2026-02-14';
    expect(presetRange('last90', today)).toEqual({ from: '2025-11-17', to: today });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-02-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetRange('lastMonth', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('thisYear', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetRange('financialYear', today)).toEqual({ from: '2025-04-01', to: today });
    expect(presetRange('financialYear', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetOf({ from: '2026-01-01', to: '2026-01-31' }, today)).toBe('lastMonth');
    expect(presetOf({ from: '2026-01-02', to: '2026-01-31' }, today)).toBeUndefined();
  });

  it('counts weeks from Monday and lists every week of a period, even empty ones', () => {
    expect(mondayOf('2026-04-06')).toBe('2026-04-06'); // a Monday
    expect(mondayOf('2026-04-12')).toBe('2026-04-06'); // the Sunday after
    expect(weeksOf({ from: '2026-04-01', to: '2026-04-20' })).toEqual(['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20']);
  });

  it('names a period briefly', () => {
    expect(rangeLabel({ from: '2026-01-01', to: '2026-03-31' })).toBe('1 Jan – 31 Mar 2026');
    expect(rangeLabel({ from: '2025-12-01', to: '2026-01-31' })).toBe('1 Dec 2025 – 31 Jan 2026');
  });
});

describe('the report in the address', () => {
  const today = '2026-04-10';

  it('reads the period and filters, falling back to the last 90 days for anything malformed', () => {
    const params = new URLSearchParams({
      from: '2026-01-01',
      to: '2026-03-31',
      source: 'website',
      campaign: 'spring-mba',
      level: 'PG',
      advisorId: ADVISOR,
    });
    expect(readReportQuery(params, 'manager', today)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      source: 'website',
      campaign: 'spring-mba',
      level: 'PG',
      advisorId: ADVISOR,
    });
    expect(readReportQuery(new URLSearchParams({ from: '2026-03-31', to: '2026-01-01' }), 'manager', today)).toMatchObject(
      presetRange('last90', today),
    );
    expect(readReportQuery(new URLSearchParams({ from: 'yesterday', to: '2026-01-01', source: 'billboard' }), 'manager', today)).toEqual(
      presetRange('last90', today),
    );
  });

  it('ignores filters a role may not use: advisors never pick an advisor, marketing neither an advisor nor a level', () => {
    const params = new URLSearchParams({ advisorId: ADVISOR, level: 'PG', source: 'referral' });
    expect(readReportQuery(params, 'advisor', today)).toEqual({ ...presetRange('last90', today), level: 'PG', source: 'referral' });
    expect(readReportQuery(params, 'marketing', today)).toEqual({ ...presetRange('last90', today), source: 'referral' });
    expect(conversionGroupsFor('marketing')).toEqual(['source', 'utmCampaign', 'utmSource']);
    expect(conversionGroupsFor('advisor')).not.toContain('advisor');
    expect(conversionGroupsFor('manager')).toEqual(['advisor', 'source', 'utmCampaign', 'level', 'utmSource']);
  });

  it('writes the period only when it is not the default, and asks the API with lead-list names', () => {
    const query = { ...presetRange('last90', today), campaign: 'diwali-pg' };
    expect(reportSearch(query, { by: 'source' }, today).toString()).toBe('campaign=diwali-pg&by=source');
    expect(reportSearch({ from: '2026-01-01', to: '2026-01-31' }, {}, today).toString()).toBe('from=2026-01-01&to=2026-01-31');
    expect(reportApiParams({ from: '2026-01-01', to: '2026-01-31', campaign: 'diwali-pg', advisorId: ADVISOR })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      utmCampaign: 'diwali-pg',
      advisorId: ADVISOR,
    });
  });
});

describe('drilling into the lead list', () => {
  const query = { from: '2026-01-01', to: '2026-03-31', source: 'website' };

  it('opens /leads with the report’s filters, as Refine’s syncWithLocation writes and reads them', () => {
    expect(leadListPath(cohortFilters(query))).toBe(
      '/leads?filters[0][field]=createdAt&filters[0][operator]=gte&filters[0][value]=2026-01-01' +
        '&filters[1][field]=createdAt&filters[1][operator]=lte&filters[1][value]=2026-03-31' +
        '&filters[2][field]=source&filters[2][operator]=eq&filters[2][value]=website',
    );
    expect(leadListPath([{ field: 'status', operator: 'in', value: ['applied', 'enrolled'] }])).toBe(
      '/leads?filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=applied&filters[0][value][1]=enrolled',
    );
    expect(leadListPath([{ field: 'utmCampaign', operator: 'eq', value: 'a&b=c' }])).toContain('filters[0][value]=a%26b%3Dc');
  });

  it('replaces the report’s filter on the same field with the clicked group', () => {
    const filters = withFilters(cohortFilters(query), ...groupFilters('source', { key: 'referral', label: 'Referral' }, query));
    expect(filters).toEqual([
      { field: 'createdAt', operator: 'gte', value: '2026-01-01' },
      { field: 'createdAt', operator: 'lte', value: '2026-03-31' },
      { field: 'source', operator: 'eq', value: 'referral' },
    ]);
  });

  it('turns groups without a value into "not set", and a week into its days within the period', () => {
    expect(groupFilters('advisor', { key: 'none', label: 'Unassigned' }, query)).toEqual([{ field: 'advisorId', operator: 'eq', value: '' }]);
    expect(groupFilters('utmCampaign', { key: 'none', label: '(none)' }, query)).toEqual([{ field: 'utmCampaign', operator: 'eq', value: '' }]);
    expect(groupFilters('utmCampaign', { key: 'none', label: 'none' }, query)).toEqual([{ field: 'utmCampaign', operator: 'eq', value: 'none' }]);
    expect(groupLabel('utmCampaign', { key: 'none', label: '(none)' })).toBe('No campaign');
    expect(groupFilters('utmCampaign', { key: 'none', label: 'No campaign' }, query)).toEqual([{ field: 'utmCampaign', operator: 'eq', value: '' }]);
    expect(groupLabel('utmCampaign', { key: 'spring-mba', label: 'spring-mba' })).toBe('spring-mba');
    expect(groupFilters('week', { key: '2025-12-29', label: 'Week of 29 Dec 2025' }, query)).toEqual([
      { field: 'createdAt', operator: 'gte', value: '2026-01-01' },
      { field: 'createdAt', operator: 'lte', value: '2026-01-04' },
    ]);
    expect(groupFilters('week', { key: '2026-03-30', label: 'Week of 30 Mar 2026' }, query)).toEqual([
      { field: 'createdAt', operator: 'gte', value: '2026-03-30' },
      { field: 'createdAt', operator: 'lte', value: '2026-03-31' },
    ]);
  });

  it('opens a funnel stage as the leads now at that stage or further on, and says so', () => {
    expect(stageFilters('new')).toMatchObject({ filters: [], exact: true });
    expect(stageFilters('applied')).toMatchObject({
      filters: [{ field: 'status', operator: 'in', value: ['applied', 'admitted', 'enrolled'] }],
      exact: false,
    });
    expect(stageFilters('applied').explanation).toContain('later lost');
    expect(stageFilters('lost')).toMatchObject({ filters: [{ field: 'status', operator: 'in', value: ['lost'] }], exact: true });
  });
});

describe('the applications report', () => {
  it('opens the applications of a university, program or advisor with that filter', () => {
    expect(applicationDrillPath('university', { key: 'u-1' })).toBe('/applications?universityId=u-1');
    expect(applicationDrillPath('program', { key: 'p-1' })).toBe('/applications?programId=p-1');
    expect(applicationDrillPath('advisor', { key: ADVISOR })).toBe(`/applications?advisorId=${ADVISOR}`);
  });

  it('groups by advisor only for managers and admins (an advisor sees their own)', () => {
    expect(applicationGroupsFor('manager')).toEqual(['university', 'program', 'advisor']);
    expect(applicationGroupsFor('advisor')).toEqual(['university', 'program']);
  });
});
