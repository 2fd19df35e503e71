import { useLink } from '@refinedev/core';
import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography, theme } from 'antd';
import type { ProgramView } from '@advisordesk/shared';
import { lowestFeeIds, rowDiffers, type ComparisonRow } from '../comparison-rows';
import { ComparisonCell } from './comparison-cell';
import { DIFF_BACKGROUND } from './comparison-table';

/** On a phone: one card per program, stacked; the facts where the programs differ are tinted. */
export function ComparisonCards({ programs, rows, onRemove }: { programs: ProgramView[]; rows: ComparisonRow[]; onRemove: (id: string) => void }) {
  const { token } = theme.useToken();
  const Link = useLink();
  const lowest = lowestFeeIds(programs);
  const differing = new Set(rows.filter((row) => rowDiffers(row, programs)).map((row) => row.key));
  return (
    <Flex vertical gap={12} data-testid="comparison-cards">
      {programs.map((p) => (
        <Card
          key={p.id}
          size="small"
          title={
            <div style={{ whiteSpace: 'normal', padding: '6px 0' }}>
              <Link to={`/programs/show/${p.id}`}>{p.name}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 400, fontSize: 13 }}>
                {p.universityName}
              </Typography.Text>
            </div>
          }
          extra={
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              onClick={() => onRemove(p.id)}
              aria-label={`Remove ${p.name} from the comparison`}
            />
          }
          styles={{ body: { padding: 0 } }}
        >
          <dl style={{ margin: 0 }}>
            {rows
              .filter((row) => row.key !== 'university')
              .map((row) => (
                <div
                  key={row.key}
                  data-differs={differing.has(row.key) || undefined}
                  style={{
                    padding: '8px 12px',
                    borderTop: `1px solid ${token.colorBorderSecondary}`,
                    background: differing.has(row.key) ? DIFF_BACKGROUND : undefined,
                  }}
                >
                  <dt style={{ color: token.colorTextSecondary, fontSize: 12, marginBottom: 2 }}>
                    {row.label}
                    {differing.has(row.key) && (
                      <Typography.Text type="warning" style={{ fontSize: 11 }}>
                        {' '}
                        · differs
                      </Typography.Text>
                    )}
                  </dt>
                  <dd style={{ margin: 0, minWidth: 0 }}>
                    <ComparisonCell row={row} program={p} lowest={lowest.has(p.id)} />
                  </dd>
                </div>
              ))}
          </dl>
        </Card>
      ))}
    </Flex>
  );
}
