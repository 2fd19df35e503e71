import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useGo, useList } from '@refinedev/core';
import { useSelect } from '@refinedev/antd';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Grid, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { COMPARISON_MAX_PROGRAMS, COMPARISON_MIN_PROGRAMS, formatInr, type ProgramView } from '@advisordesk/shared';
import { useAccess, useCompareTray, type ApiRequestError } from '@advisordesk/admin-data';
import { COMPARISON_ROWS, idsFromQuery, rowDiffers } from './comparison-rows';
import { ComparisonCards } from './components/comparison-cards';
import { ComparisonTable } from './components/comparison-table';
import { ShareWithLead } from './components/share-with-lead';

/**
 * Programs side by side: fees with their components, duration, mode, approvals, NAAC, NIRF and
 * credits, with the differences tinted. The address holds the programs (`/compare?ids=…`), so a
 * comparison can be reloaded or passed to a colleague; on a phone the programs stack.
 */
export default function ComparePage() {
  const screens = Grid.useBreakpoint();
  const stacked = screens.md === false;
  const go = useGo();
  const tray = useCompareTray();
  const [params, setParams] = useSearchParams();
  const fromAddress = idsFromQuery(params.get('ids'));
  const ids = fromAddress.length ? fromAddress : tray.ids;
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const mayShare = useAccess().canWrite('shortlists');

  const {
    result: { data: found },
    query: { isLoading, isError, error },
  } = useList<ProgramView, ApiRequestError>({
    resource: 'programs',
    filters: [{ field: 'id', operator: 'in', value: ids }],
    pagination: { mode: 'off' },
    queryOptions: { enabled: ids.length > 0 },
  });
  const programs = useMemo(() => ids.map((id) => found?.find((p) => p.id === id)).filter((p): p is ProgramView => !!p), [ids, found]);

  const setIds = (next: string[], known: ProgramView[] = programs) => {
    setParams(next.length ? { ids: next.join(',') } : {}, { replace: true });
    tray.replace(next.map((id) => known.find((p) => p.id === id) ?? tray.items.find((i) => i.id === id) ?? { id, name: '', universityName: '' }));
  };

  // The address wins: the tray follows what is compared here, so the lists show the same ticks.
  useEffect(() => {
    if (!programs.length || programs.length !== ids.length) return;
    const same = tray.ids.length === ids.length && tray.ids.every((id, i) => id === ids[i]);
    if (!same) tray.replace(programs);
    if (!fromAddress.length) setParams({ ids: ids.join(',') }, { replace: true });
  }, [programs]);

  const { selectProps, query: search } = useSelect<ProgramView>({
    resource: 'programs',
    optionLabel: (p) => `${p.name} — ${p.universityName}${p.currentFee ? ` · ${formatInr(p.currentFee.totalPaise)}` : ''}`,
    optionValue: 'id',
    pagination: { pageSize: 30, mode: 'server' },
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    debounce: 300,
  });
  const searchResults = search.data?.data ?? [];
  const full = ids.length >= COMPARISON_MAX_PROGRAMS;
  const rows = onlyDifferences
    ? COMPARISON_ROWS.filter((row) => !row.compare || rowDiffers(row, programs)).filter(
        (row) => row.key !== 'components' && row.key !== 'eligibility' && row.key !== 'specialisations',
      )
    : COMPARISON_ROWS;
  const remove = (id: string) => setIds(ids.filter((other) => other !== id));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Compare programs
          </Typography.Title>
          <Typography.Text type="secondary">
            {COMPARISON_MIN_PROGRAMS} to {COMPARISON_MAX_PROGRAMS} programs side by side, with today’s fees. Differences are tinted.
          </Typography.Text>
        </div>
        {mayShare && programs.length >= COMPARISON_MIN_PROGRAMS && <ShareWithLead programIds={programs.map((p) => p.id)} />}
      </Flex>

      <Flex gap={12} wrap align="center">
        <Select
          options={(selectProps.options ?? []).map((option) => ({ ...option, disabled: ids.includes(String(option.value)) }))}
          onSearch={selectProps.onSearch}
          filterOption={false}
          loading={search.isFetching}
          showSearch
          value={null}
          disabled={full}
          onChange={(value: string) => setIds([...ids, value], [...programs, ...searchResults])}
          placeholder={
            full
              ? `${COMPARISON_MAX_PROGRAMS} programs at most: remove one to add another`
              : 'Add a program: search name, university or specialisation'
          }
          aria-label="Add a program to compare"
          suffixIcon={<PlusOutlined />}
          style={{ flex: '1 1 320px', minWidth: 0, maxWidth: 640 }}
          notFoundContent={search.isFetching ? 'Searching…' : 'No program matches'}
        />
        {programs.length >= COMPARISON_MIN_PROGRAMS && (
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch checked={onlyDifferences} onChange={setOnlyDifferences} size="small" aria-label="Only the differences" />
            Only the differences
          </label>
        )}
        {ids.length > 0 && (
          <Button type="link" onClick={() => setIds([])} style={{ paddingInline: 0 }}>
            Start again
          </Button>
        )}
      </Flex>

      {isError && <Alert type="error" showIcon message="Could not load the programs" description={error?.message} />}
      {ids.length > 0 && isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : programs.length === 0 ? (
        <Empty description="Pick programs to compare: search above, or tick “Compare” in the programs list.">
          <Button onClick={() => go({ to: '/programs' })}>Browse programs</Button>
        </Empty>
      ) : (
        <>
          {programs.length < COMPARISON_MIN_PROGRAMS && <Typography.Text strong>Add at least one more program to compare.</Typography.Text>}
          {stacked ? (
            <ComparisonCards programs={programs} rows={rows} onRemove={remove} />
          ) : (
            <ComparisonTable programs={programs} rows={rows} onRemove={remove} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Fees are the current fee structures of the catalogue; check them with the university before a student pays.
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
