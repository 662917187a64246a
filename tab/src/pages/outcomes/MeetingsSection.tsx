import type { ReactElement } from 'react';
import { Body1, Caption1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { getMeetingsPerQuarter } from '../../../../bot/program/outcomes/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { MeetingsPerQuarterChart } from './OutcomeCharts';
import { useOutcomesStyles } from './outcomesStyles';

/** How the year went, in counts: each quarter's meetings held, missed and still open (who met is on the Year page). */
export function MeetingsSection({ cohortId, token }: { cohortId: string; token: TokenSource }): ReactElement {
  const styles = useOutcomesStyles();
  const meetings = useLoaded(`outcomes/meetings/${cohortId}`, (signal) => call(getMeetingsPerQuarter, { params: { cohortId }, token, signal }));
  const value = meetings.value;
  return (
    <section className={styles.card} aria-labelledby="meetings-per-quarter">
      <div>
        <Subtitle2 as="h2" id="meetings-per-quarter" className={styles.heading}>
          Meetings per quarter
        </Subtitle2>
        <Caption1 className={styles.intro}>Each pair has one meeting a quarter. A meeting counts as missed when its quarter closed without a log.</Caption1>
      </div>
      {value ? (
        value.year ? (
          <MeetingsPerQuarterChart quarters={value.quarters} />
        ) : (
          <Body1>The year starts when the cohort’s pairs are confirmed; its meetings appear then.</Body1>
        )
      ) : meetings.error ? (
        <ErrorNotice title="The meetings could not be loaded." message={meetings.error} onRetry={meetings.retry} />
      ) : (
        <Spinner label="Loading meetings…" />
      )}
    </section>
  );
}
