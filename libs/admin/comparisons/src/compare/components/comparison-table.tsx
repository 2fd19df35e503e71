import { useLink } from '@refinedev/core';
import { CloseOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography, theme } from 'antd';
import type { ProgramView } from '@advisordesk/shared';
import { lowestFeeIds, rowDiffers, type ComparisonRow } from '../comparison-rows';
import { ComparisonCell } from './comparison-cell';

export const DIFF_BACKGROUND = '#fff7e0';

/** Programs as columns, facts as rows; rows where the programs differ are tinted and marked. */
export function ComparisonTable({ programs, rows, onRemove }: { programs: ProgramView[]; rows: ComparisonRow[]; onRemove: (id: string) => void }) {
  const { token } = theme.useToken();
  const Link = useLink();
  const lowest = lowestFeeIds(programs);
  const border = `1px solid ${token.colorBorderSecondary}`;
  const cell = { padding: '10px 12px', borderBottom: border, verticalAlign: 'top' as const, textAlign: 'left' as const };
  return (
    <div style={{ overflowX: 'auto', border, borderRadius: token.borderRadiusLG, background: token.colorBgContainer }}>
      <table
        style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', minWidth: 180 + programs.length * 200 }}
        data-testid="comparison-table"
      >
        <colgroup>
          <col style={{ width: 170 }} />
          {programs.map((p) => (
            <col key={p.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th style={{ ...cell, background: token.colorFillQuaternary }}>
              <span className="sr-only">Fact</span>
            </th>
            {programs.map((p) => (
              <th key={p.id} scope="col" style={{ ...cell, background: token.colorFillQuaternary }}>
                <div style={{ display: 'flex', gap: 8, alignItems: 'start', justifyContent: 'space-between' }}>
                  <div style={{ minWidth: 0 }}>
                    <Link to={`/programs/show/${p.id}`} style={{ fontWeight: 600 }}>
                      {p.name}
                    </Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 400, fontSize: 13 }}>
                      {p.universityName}
                    </Typography.Text>
                  </div>
                  <Tooltip title="Remove from the comparison">
                    <Button
                      type="text"
                      size="small"
                      icon={<CloseOutlined />}
                      onClick={() => onRemove(p.id)}
                      aria-label={`Remove ${p.name} from the comparison`}
                    />
                  </Tooltip>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const differs = rowDiffers(row, programs);
            return (
              <tr key={row.key} data-differs={differs || undefined} style={differs ? { background: DIFF_BACKGROUND } : undefined}>
                <th scope="row" style={{ ...cell, fontWeight: 500, color: token.colorTextSecondary }}>
                  {row.label}
                  {differs && (
                    <Typography.Text type="warning" style={{ display: 'block', fontSize: 11, fontWeight: 400 }}>
                      differs
                    </Typography.Text>
                  )}
                </th>
                {programs.map((p) => (
                  <td key={p.id} style={cell}>
                    <ComparisonCell row={row} program={p} lowest={lowest.has(p.id)} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
