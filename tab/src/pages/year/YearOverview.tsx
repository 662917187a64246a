import { useState, type ReactElement } from 'react';
import { Badge, Body1, Button, Caption1, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowDownloadRegular, CalendarLtrRegular } from '@fluentui/react-icons';
import { downloadYearCsv, getYearView, iceBreakerWords, orientationWords, type MeetingSummaryJson, type YearPairJson, type YearViewJson } from '../../../../bot/program/year/api';
import { call, downloadFile, messageOf, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCardStyles } from '../cohorts/cohortStyles';
import { useLoaded } from '../people/useLoaded';

/** One meeting in a few words: what the taskforce scans for. */
export function meetingWords(m: MeetingSummaryJson): string {
  if (m.status === 'held') return m.number === 2 ? `Shadowing done ${m.heldOn ?? ''}` : `Held ${m.heldOn ?? ''}`;
  if (m.status === 'booked') return `Booked ${m.bookedFor ?? ''}`;
  if (m.status === 'missed') return 'Missed';
  return 'Not booked';
}

/** Both people of a pair, one line each: "Executive: acknowledged (version 1)". */
function PerPerson({ pair, words }: { pair: YearPairJson; words: (person: YearPairJson['executive']) => string }): ReactElement {
  return (
    <>
      <Caption1 block>Executive: {words(pair.executive)}</Caption1>
      <Caption1 block>Mentor: {words(pair.mentor)}</Caption1>
    </>
  );
}

const OUTCOME_WORDS = { sent: 'sent', unreachable: 'could not be delivered', skipped: 'not sent' } as const;

export function YearOverview({ token, cohortId }: { token: TokenSource; cohortId: string }): ReactElement {
  const card = useCardStyles();
  const loaded = useLoaded(`year/${cohortId}`, (signal) => call(getYearView, { params: { cohortId }, token, signal }));
  const [exportError, setExportError] = useState<string | undefined>();
  const view: YearViewJson | undefined = loaded.value;
  if (!view) {
    return loaded.error ? (
      <ErrorNotice title="The year could not be loaded." message={loaded.error} onRetry={loaded.retry} />
    ) : (
      <div className={card.centred}>
        <Spinner label="Loading the year…" />
      </div>
    );
  }
  if (!view.year) {
    return (
      <EmptyState icon={<CalendarLtrRegular />} title="The year has not started.">
        Each pair gets its four meetings when the cohort’s pairs are confirmed on the Pairs page.
      </EmptyState>
    );
  }
  const atRisk = view.pairs.filter((p) => p.atRisk).length;
  const iceBreakerOn = view.iceBreakerOn;
  const names = new Map(view.pairs.map((p) => [p.executive.id, `${p.executive.name} and ${p.mentor.name}`]));
  const exportCsv = (): void => {
    setExportError(undefined);
    downloadFile(downloadYearCsv, { params: { cohortId }, token }, `year-${cohortId}.csv`).catch((error: unknown) => setExportError(messageOf(error)));
  };
  return (
    <>
      <section className={card.card} aria-labelledby="year-pairs" data-testid="year-pairs">
        <div>
          <Subtitle2 as="h2" id="year-pairs" className={card.heading}>
            Pairs, quarter by quarter
          </Subtitle2>
          <Caption1 className={card.intro}>
            {view.year.startsOn} to {view.year.endsOn}. {view.pairs.length} pairs, {atRisk} at risk (a quarter closed with no meeting).{' '}
            {iceBreakerOn ? `Ice breaker on ${iceBreakerOn}.` : 'No ice breaker scheduled yet.'}
          </Caption1>
        </div>
        <div>
          <Button icon={<ArrowDownloadRegular />} onClick={exportCsv}>
            Export CSV
          </Button>
          {exportError ? <ErrorNotice title="The export failed." message={exportError} /> : null}
        </div>
        <Table aria-label="Pairs, quarter by quarter" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Pair</TableHeaderCell>
              <TableHeaderCell>Orientation</TableHeaderCell>
              <TableHeaderCell>Ice breaker</TableHeaderCell>
              {view.year.quarters.map((q) => (
                <TableHeaderCell key={q.quarter}>Quarter {q.quarter}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.pairs.map((p) => (
              <TableRow key={p.executive.id} data-testid="year-pair">
                <TableCell>
                  <Body1>
                    {p.executive.name} with {p.mentor.name}
                  </Body1>{' '}
                  {p.atRisk ? (
                    <Badge color="danger" appearance="tint">
                      At risk
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell data-testid="year-orientation">
                  <PerPerson pair={p} words={orientationWords} />
                </TableCell>
                <TableCell data-testid="year-icebreaker">
                  <PerPerson pair={p} words={(person) => iceBreakerWords(person, iceBreakerOn)} />
                </TableCell>
                {p.meetings.map((m) => (
                  <TableCell key={m.number}>
                    {meetingWords(m)}{' '}
                    {m.flagged ? (
                      <Badge color="warning" appearance="tint">
                        Executive’s office
                      </Badge>
                    ) : null}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section className={card.card} aria-labelledby="year-nudges" data-testid="year-nudges">
        <Subtitle2 as="h2" id="year-nudges" className={card.heading}>
          Nudges
        </Subtitle2>
        {view.nudges.length === 0 ? (
          <Body1 className={card.muted}>No nudge has gone out yet.</Body1>
        ) : (
          <Table aria-label="Nudges" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Pair</TableHeaderCell>
                <TableHeaderCell>Orientation</TableHeaderCell>
                <TableHeaderCell>Ice breaker</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>To</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.nudges.map((n) => (
                <TableRow key={`${n.executiveId}-${n.kind}-${n.at}-${n.to}`}>
                  <TableCell>{n.at.slice(0, 10)}</TableCell>
                  <TableCell>{names.get(n.executiveId) ?? ''}</TableCell>
                  <TableCell>{n.what}</TableCell>
                  <TableCell>
                    {n.to} ({OUTCOME_WORDS[n.outcome]})
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
