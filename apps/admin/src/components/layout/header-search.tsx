import { useEffect, useState } from 'react';
import { useGo, useList } from '@refinedev/core';
import { CloseOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Drawer, Flex, Input, Typography } from 'antd';
import { formatPhone, LEAD_STATUS_LABELS, PROGRAM_LEVEL_LABELS, type LeadView, type ProgramView } from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';

/** A lead's reference as people type it (`ad-7k3m9q2w`, `AD7K3M9Q2W`): searched by reference, not by text. */
const REFERENCE = /^AD-?([0-9A-HJKMNP-TV-Z]{8})$/i;

/** What was typed, settled for 300 ms: one search per pause, not per key. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/**
 * Results as the person types: leads by name, phone digits, email or reference (only those their
 * role may see; none for marketing, which reads no lead) and programs by name, university or
 * specialisation. Arrow keys and Enter choose a result.
 */
function SearchBox({ autoFocus, onDone }: { autoFocus?: boolean; onDone?: () => void }) {
  const go = useGo();
  const { canRead } = useAccess();
  const [text, setText] = useState('');
  const q = useSettled(text);
  const searching = q.length >= 2;
  const reference = REFERENCE.exec(q);
  const leadsAllowed = canRead('leads');
  const leads = useList<LeadView, ApiRequestError>({
    resource: 'leads',
    filters: reference
      ? [{ field: 'reference', operator: 'eq', value: `AD-${reference[1].toUpperCase()}` }]
      : [{ field: 'q', operator: 'eq', value: q }],
    pagination: { currentPage: 1, pageSize: 6 },
    errorNotification: false,
    queryOptions: { enabled: searching && leadsAllowed },
  });
  const programs = useList<ProgramView, ApiRequestError>({
    resource: 'programs',
    filters: [
      { field: 'q', operator: 'eq', value: q },
      { field: 'active', operator: 'eq', value: 'true' },
    ],
    pagination: { currentPage: 1, pageSize: 5 },
    errorNotification: false,
    queryOptions: { enabled: searching && canRead('catalogue') && !reference },
  });
  const leadRows = searching && leadsAllowed ? (leads.result?.data ?? []) : [];
  const programRows = searching && !reference && canRead('catalogue') ? (programs.result?.data ?? []) : [];
  const loading = searching && ((leadsAllowed && leads.query.isFetching) || programs.query.isFetching);

  const options = [
    ...(leadRows.length
      ? [
          {
            label: <Typography.Text type="secondary">Leads</Typography.Text>,
            options: leadRows.map((lead) => ({
              value: `/leads/${lead.id}`,
              label: (
                <Flex justify="space-between" gap={8} style={{ minWidth: 0 }} data-testid="search-result-lead">
                  <Typography.Text ellipsis style={{ minWidth: 0 }}>
                    {lead.fullName}
                    <Typography.Text type="secondary"> · {lead.phone ? formatPhone(lead.phone) : lead.reference}</Typography.Text>
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ flex: 'none' }}>
                    {LEAD_STATUS_LABELS[lead.status]}
                  </Typography.Text>
                </Flex>
              ),
            })),
          },
        ]
      : []),
    ...(programRows.length
      ? [
          {
            label: <Typography.Text type="secondary">Programs</Typography.Text>,
            options: programRows.map((program) => ({
              value: `/programs/show/${program.id}`,
              label: (
                <Flex vertical style={{ minWidth: 0 }} data-testid="search-result-program">
                  <Typography.Text ellipsis>{program.name}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {program.universityName} · {PROGRAM_LEVEL_LABELS[program.level]}
                  </Typography.Text>
                </Flex>
              ),
            })),
          },
        ]
      : []),
  ];
  const nothing = searching && !loading && !leadRows.length && !programRows.length;

  return (
    <AutoComplete
      value={text}
      onChange={setText}
      options={options}
      onSelect={(path: string) => {
        setText('');
        onDone?.();
        go({ to: path });
      }}
      notFoundContent={nothing ? `Nothing found for “${q}”` : null}
      popupMatchSelectWidth
      style={{ width: '100%' }}
      autoFocus={autoFocus}
      defaultActiveFirstOption
    >
      <Input
        prefix={<SearchOutlined aria-hidden />}
        placeholder={leadsAllowed ? 'Search leads and programs' : 'Search programs'}
        aria-label={leadsAllowed ? 'Find leads by name, phone or reference, and programs' : 'Find programs'}
        allowClear
        inputMode="search"
      />
    </AutoComplete>
  );
}

/** The header's search: a box on a laptop; on a phone, an icon that opens it full width. */
export function HeaderSearch({ narrow }: { narrow: boolean }) {
  const [open, setOpen] = useState(false);
  if (!narrow) {
    return (
      <div style={{ flex: '0 1 380px', minWidth: 0 }} data-testid="header-search">
        <SearchBox />
      </div>
    );
  }
  return (
    <>
      <Button type="text" icon={<SearchOutlined />} aria-label="Search" onClick={() => setOpen(true)} />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="top"
        height="auto"
        closable={false}
        destroyOnHidden
        styles={{ body: { padding: 12 } }}
        rootClassName="header-search-drawer"
      >
        <Flex gap={8} align="center" data-testid="header-search">
          <div style={{ flex: 1, minWidth: 0 }}>
            <SearchBox autoFocus onDone={() => setOpen(false)} />
          </div>
          <Button type="text" icon={<CloseOutlined />} aria-label="Close search" onClick={() => setOpen(false)} />
        </Flex>
      </Drawer>
    </>
  );
}
