import { Descriptions, Grid, Tag, Typography } from 'antd';
import { CREDENTIAL_TYPE_LABELS, LEAD_MODE_LABELS, OWNERSHIP_LABELS, PROGRAM_LEVEL_LABELS, type ProgramView } from '@advisordesk/shared';
import { ApprovalTags } from '@advisordesk/admin-ui';
import { formatDuration, formatNirf, labelOf } from '@advisordesk/admin-data';

/** What a student asks about a program, in one block. */
export function ProgramFacts({ program }: { program: ProgramView }) {
  const screens = Grid.useBreakpoint();
  return (
    <Descriptions
      size="small"
      bordered
      column={screens.xxl ? 2 : 1}
      styles={{ label: { width: screens.sm ? 180 : 120 } }}
      items={[
        { key: 'university', label: 'University', children: [program.universityName, program.universityCity].filter(Boolean).join(', ') },
        { key: 'ownership', label: 'Ownership', children: labelOf(OWNERSHIP_LABELS, program.ownership) },
        { key: 'level', label: 'Level', children: labelOf(PROGRAM_LEVEL_LABELS, program.level) },
        { key: 'credential', label: 'Credential', children: labelOf(CREDENTIAL_TYPE_LABELS, program.credentialType) },
        { key: 'mode', label: 'Mode', children: labelOf(LEAD_MODE_LABELS, program.mode) },
        { key: 'duration', label: 'Duration', children: formatDuration(program.durationMonths) },
        {
          key: 'credits',
          label: 'Credits',
          children: (
            <>
              {program.credits ?? '—'}{' '}
              {program.stackable && (
                <Tag color="green" bordered={false}>
                  Stack into a degree
                </Tag>
              )}
            </>
          ),
        },
        { key: 'approvals', label: 'Approvals', children: <ApprovalTags approvals={program.approvals} /> },
        { key: 'naac', label: 'NAAC', children: program.naacGrade ?? '—' },
        { key: 'nirf', label: 'NIRF', children: formatNirf(program) },
        {
          key: 'specialisations',
          label: 'Specialisations',
          span: screens.xxl ? 2 : 1,
          children: program.specialisations?.length ? program.specialisations.join(', ') : '—',
        },
        {
          key: 'eligibility',
          label: 'Eligibility',
          span: screens.xxl ? 2 : 1,
          children: program.eligibility ?? <Typography.Text type="secondary">Not recorded</Typography.Text>,
        },
        ...(program.sourceUrl
          ? [
              {
                key: 'source',
                label: 'Source',
                span: screens.xxl ? 2 : 1,
                children: (
                  <Typography.Link href={program.sourceUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                    {program.sourceUrl}
                  </Typography.Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
