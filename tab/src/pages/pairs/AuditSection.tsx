import { useState, type ReactElement } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { getAudit, type AuditEntry } from '../../../../bot/program/matching/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { describeAudit, formatWhen } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  card: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  reason: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  note: { color: tokens.colorNeutralForeground2 },
});

interface AuditSectionProps {
  token: TokenSource;
  cohortId: string;
  /** Changes whenever the proposal does, so an open log shows the newest entries. */
  version: string;
  names: ReadonlyMap<string, string>;
}

/** Who ran, locked, banned, placed, overrode and confirmed what, newest first; folded away until asked for. */
export function AuditSection({ token, cohortId, version, names }: AuditSectionProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  const [open, setOpen] = useState(false);
  return (
    <section className={`${card.card} ${styles.card}`} aria-label="Audit log">
      <Accordion collapsible openItems={open ? ['audit'] : []} onToggle={(_, data) => setOpen(data.openItems.includes('audit'))}>
        <AccordionItem value="audit">
          <AccordionHeader icon={<HistoryRegular />} as="h2" size="large">
            Audit log
          </AccordionHeader>
          <AccordionPanel>{open ? <AuditEntries token={token} cohortId={cohortId} version={version} names={names} /> : null}</AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

/** Bans and overrides carry a taskforce member's own words; other entries carry the service's summary (e.g. counts). */
function writtenReason(entry: AuditEntry): boolean {
  return entry.action === 'ban' || entry.action === 'override';
}

function AuditEntries({ token, cohortId, version, names }: AuditSectionProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  const entries = useLoaded<AuditEntry[]>(`audit/${cohortId}/${version}`, async (signal) => (await call(getAudit, { params: { cohortId }, token, signal })).entries);
  if (!entries.value) {
    return entries.error ? (
      <ErrorNotice title="The audit log could not be loaded." message={entries.error} onRetry={entries.retry} />
    ) : (
      <div className={card.centred}>
        <Spinner size="small" label="Loading the audit log…" />
      </div>
    );
  }
  if (entries.value.length === 0) return <Body1 className={card.muted}>Nothing has happened yet.</Body1>;
  return (
    <ol className={card.plainList} aria-label="Audit entries, newest first">
      {entries.value.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className={styles.entry}>
          <Body1>{describeAudit(entry, names)}</Body1>
          {entry.reason ? writtenReason(entry) ? <Body1 className={styles.reason}>“{entry.reason}”</Body1> : <Caption1 className={styles.note}>{entry.reason}</Caption1> : null}
          <Caption1 className={card.muted}>
            {entry.byName} · {formatWhen(entry.at)}
          </Caption1>
        </li>
      ))}
    </ol>
  );
}
