import { useId, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { getAnomalies, type AnomalyKind, type AnomalyPerson, type AnomalyReport } from '../../../../bot/directory/api';
import { call, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { anomalyKindLabels, anomalyKindOrder, formatCount } from './describeDirectory';
import { useSectionStyles } from './sectionStyles';
import { useLoaded } from './useLoaded';

/** Rows shown per kind before "Show all": a tenant can have hundreds of disabled accounts. */
const rowsPerKind = 10;

const useStyles = makeStyles({
  groupHeader: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupTitle: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  description: { wordBreak: 'break-word' },
  people: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  person: { display: 'flex', flexDirection: 'column' },
  personDetail: { color: tokens.colorNeutralForeground3 },
  more: { padding: `${tokens.spacingVerticalXS} 0` },
});

interface AnomalyGroup {
  kind: AnomalyKind;
  reports: AnomalyReport[];
}

function groupByKind(reports: readonly AnomalyReport[]): AnomalyGroup[] {
  const known = anomalyKindOrder.map((kind) => ({ kind, reports: reports.filter((r) => r.kind === kind) }));
  // A kind the tab does not know yet still shows, after the known ones.
  const unknownKinds = [...new Set(reports.map((r) => r.kind))].filter((kind) => !anomalyKindOrder.includes(kind));
  const unknown = unknownKinds.map((kind) => ({ kind, reports: reports.filter((r) => r.kind === kind) }));
  return [...known, ...unknown].filter((group) => group.reports.length > 0);
}

/** Problems in the org data (loops, missing managers, disabled accounts), grouped by kind, with the people concerned. */
export function AnomaliesSection({ token, version }: { token: TokenSource; version: string }): ReactElement {
  const section = useSectionStyles();
  const headingId = useId();
  const anomalies = useLoaded(`anomalies@${version}`, async (signal) => (await call(getAnomalies, { token, signal })).anomalies);

  return (
    <section className={section.card} aria-labelledby={headingId} data-testid="directory-anomalies">
      <div>
        <Subtitle2 as="h2" id={headingId} className={section.heading}>
          Problems in the org data
        </Subtitle2>
        <Caption1 as="p" className={section.intro}>
          Mentoring Up works around each one so pairing still follows the chain-of-command rule. Fix them in the directory and they clear at the next sync.
        </Caption1>
      </div>
      {anomalies.error ? <ErrorNotice title="Could not load the problems in the org data." message={anomalies.error} onRetry={anomalies.retry} /> : null}
      {anomalies.value === undefined ? (
        anomalies.error ? null : (
          <div className={section.centred}>
            <Spinner size="small" label="Looking for problems…" />
          </div>
        )
      ) : anomalies.value.length === 0 ? (
        <EmptyState icon={<CheckmarkCircleRegular />} title="No problems found in the org data.">
          Manager loops, managers missing from the directory and disabled accounts would show here after each sync.
        </EmptyState>
      ) : (
        <AnomalyTable groups={groupByKind(anomalies.value)} labelledBy={headingId} />
      )}
    </section>
  );
}

function AnomalyTable({ groups, labelledBy }: { groups: AnomalyGroup[]; labelledBy: string }): ReactElement {
  const section = useSectionStyles();
  return (
    <div className={section.tableScroller}>
      <Table aria-labelledby={labelledBy} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Problem</TableHeaderCell>
            <TableHeaderCell scope="col">People it concerns</TableHeaderCell>
          </TableRow>
        </TableHeader>
        {groups.map((group) => (
          <AnomalyGroupRows key={group.kind} group={group} />
        ))}
      </Table>
    </div>
  );
}

function AnomalyGroupRows({ group }: { group: AnomalyGroup }): ReactElement {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? group.reports : group.reports.slice(0, rowsPerKind);
  const label = anomalyKindLabels[group.kind] ?? group.kind;
  return (
    <TableBody data-testid={`anomaly-group-${group.kind}`}>
      <tr>
        <th colSpan={2} scope="rowgroup" className={styles.groupHeader}>
          <span className={styles.groupTitle}>
            {label}
            <Badge appearance="tint" color="warning" aria-label={`${formatCount(group.reports.length)} found`}>
              {formatCount(group.reports.length)}
            </Badge>
          </span>
        </th>
      </tr>
      {shown.map((report, i) => (
        <TableRow key={`${report.kind}-${i}`}>
          <TableCell className={styles.cell}>
            <Text className={styles.description}>{report.description}</Text>
          </TableCell>
          <TableCell className={styles.cell}>
            <PeopleList people={report.people} />
          </TableCell>
        </TableRow>
      ))}
      {group.reports.length > shown.length ? (
        <tr>
          <td colSpan={2} className={styles.more}>
            <Button appearance="subtle" size="small" onClick={() => setShowAll(true)}>
              Show all {formatCount(group.reports.length)} ({label.toLowerCase()})
            </Button>
          </td>
        </tr>
      ) : null}
    </TableBody>
  );
}

function PeopleList({ people }: { people: AnomalyPerson[] }): ReactElement {
  const styles = useStyles();
  return (
    <ul className={styles.people}>
      {people.map((person) => {
        const detail = [person.jobTitle, person.department].filter(Boolean).join(' · ');
        return (
          <li key={person.id} className={styles.person}>
            <Text weight="semibold">{person.name}</Text>
            {detail ? <Caption1 className={styles.personDetail}>{detail}</Caption1> : null}
          </li>
        );
      })}
    </ul>
  );
}
