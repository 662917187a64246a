import type { ReactElement } from 'react';
import { Badge, Caption1, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import type { PipelineRow } from '../../../../bot/program/pipeline/api';
import { applicantHref } from './cohortRoute';
import { FLAG_NAMES, FLAG_SHORT_NAMES, KIND_NAMES, STAGE_COLORS, STAGE_NAMES } from './describeIntake';

const useStyles = makeStyles({
  // Fixed widths for the short columns; the topics take what is left.
  table: { minWidth: '960px', tableLayout: 'fixed' },
  applicant: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  topics: { color: tokens.colorNeutralForeground2, display: 'block' },
  // Widths include the cells' padding, so the topics column keeps the room that is left.
  name: { width: '20%', boxSizing: 'border-box' },
  kind: { width: '76px', boxSizing: 'border-box' },
  stage: { width: '148px', boxSizing: 'border-box' },
  person: { width: '112px', boxSizing: 'border-box' },
  score: { width: '68px', boxSizing: 'border-box', fontVariantNumeric: 'tabular-nums' },
  flag: { width: '120px', boxSizing: 'border-box' },
  badge: { whiteSpace: 'nowrap' },
});

/** One row per applicant; the name opens the applicant's details beside the table. */
export function ApplicantsTable({ cohortId, rows, selected }: { cohortId: string; rows: PipelineRow[]; selected?: string }): ReactElement {
  const styles = useStyles();
  return (
    <Table className={styles.table} size="small" aria-label="Applicants">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.name}>Applicant</TableHeaderCell>
          <TableHeaderCell className={styles.kind}>Kind</TableHeaderCell>
          <TableHeaderCell className={styles.stage}>Stage</TableHeaderCell>
          <TableHeaderCell>Topics</TableHeaderCell>
          <TableHeaderCell className={styles.person}>Manager</TableHeaderCell>
          <TableHeaderCell className={styles.person}>Interviewer</TableHeaderCell>
          <TableHeaderCell className={styles.score} title="Average interview score">
            Avg. score
          </TableHeaderCell>
          <TableHeaderCell className={styles.flag}>Flag</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.personId} aria-selected={row.personId === selected ? true : undefined} data-person-id={row.personId}>
            <TableCell>
              <div className={styles.applicant}>
                <Link href={applicantHref(cohortId, row.personId)}>{row.name}</Link>
                <Caption1 className={styles.muted}>{[row.jobTitle, row.department].filter(Boolean).join(' · ') || '—'}</Caption1>
              </div>
            </TableCell>
            <TableCell>{KIND_NAMES[row.kind]}</TableCell>
            <TableCell>
              <Badge className={styles.badge} appearance="tint" color={STAGE_COLORS[row.stage]} title={row.stageLabel}>
                {STAGE_NAMES[row.stage]}
              </Badge>
            </TableCell>
            <TableCell>
              <Caption1 className={styles.topics}>{[...row.topics, ...(row.otherTopics ? [row.otherTopics] : [])].join('; ') || '—'}</Caption1>
            </TableCell>
            <TableCell>{row.managerName ?? (row.kind === 'executive' ? '' : '—')}</TableCell>
            <TableCell>{row.interviewerName ?? ''}</TableCell>
            <TableCell className={styles.score}>{row.averageScore === null ? '' : row.averageScore.toFixed(1)}</TableCell>
            <TableCell>
              {row.flag ? (
                <Badge className={styles.badge} appearance="tint" color="warning" icon={<WarningRegular />} title={FLAG_NAMES[row.flag]}>
                  {FLAG_SHORT_NAMES[row.flag]}
                </Badge>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
