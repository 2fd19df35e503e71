import { useGo, useParsed } from '@refinedev/core';
import { TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import { LEAD_LIST_COLUMN_LABELS, LEAD_LIST_COLUMNS, type LeadListColumn } from '@advisordesk/shared';

const isColumn = (name: string): name is LeadListColumn => (LEAD_LIST_COLUMNS as readonly string[]).includes(name);

/** The columns chosen in the address (`columns=fullName,status`), or undefined for the table's own. */
export function useChosenColumns(): LeadListColumn[] | undefined {
  const { params } = useParsed<{ columns?: string }>();
  const chosen = typeof params?.columns === 'string' ? params.columns.split(',').filter(isColumn) : [];
  return chosen.length ? chosen : undefined;
}

/**
 * "Columns": which of the lead table's columns show, kept in the address so a link or a saved view
 * carries them. The lead's name always shows.
 */
export function ColumnChooser({ available }: { available: LeadListColumn[] }) {
  const go = useGo();
  const chosen = useChosenColumns() ?? available;
  const set = (next: LeadListColumn[]) =>
    go({
      type: 'replace',
      options: { keepQuery: true },
      query: { columns: next.length === available.length ? undefined : LEAD_LIST_COLUMNS.filter((c) => next.includes(c)).join(',') },
    });
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="Columns to show"
      content={
        <Space direction="vertical" size={4} data-testid="column-chooser">
          {available.map((column) => (
            <Checkbox
              key={column}
              checked={chosen.includes(column)}
              disabled={column === 'fullName'}
              onChange={(event) => set(event.target.checked ? [...chosen, column] : chosen.filter((c) => c !== column))}
            >
              {LEAD_LIST_COLUMN_LABELS[column]}
            </Checkbox>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Kept in the address and in saved views.
          </Typography.Text>
        </Space>
      }
    >
      <Button icon={<TableOutlined />} aria-label="Choose columns">
        Columns
      </Button>
    </Popover>
  );
}
