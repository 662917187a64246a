import { useState, type ReactElement } from 'react';
import { Badge, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, EditRegular, PeopleQueueRegular } from '@fluentui/react-icons';
import { listFlags } from '../../../../bot/program/applications/api';
import { downloadPipelineCsv, getPipeline, type PipelineFilter } from '../../../../bot/program/pipeline/api';
import { call, downloadFile, messageOf, type TokenSource } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { useLoaded } from '../people/useLoaded';
import { ApplicantDrawer } from './ApplicantDrawer';
import { ApplicantsTable } from './ApplicantsTable';
import { BackLink } from './BackLink';
import { cohortHref } from './cohortRoute';
import { useCardStyles } from './cohortStyles';
import { COHORT_STATUS_NAMES } from './describeIntake';
import { FlagsSection } from './FlagsSection';
import { KindFilter, StageTiles, describeFilter } from './PipelineFilters';

const useStyles = makeStyles({
  tableHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  headingRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A file name from the cohort's name: letters, digits and dashes only. */
function csvFileName(cohortName: string, filter: PipelineFilter): string {
  const slug = [cohortName, filter.kind, filter.stage]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'cohort'}-applicants.csv`;
}

interface CohortPipelineProps {
  token: TokenSource;
  cohortId: string;
  /** The applicant whose details are open beside the table. */
  personId?: string;
}

/** Every applicant of one cohort by stage, with counts, filters, the managers to chase, and a CSV export. */
export function CohortPipeline({ token, cohortId, personId }: CohortPipelineProps): ReactElement {
  const styles = useStyles();
  const card = useCardStyles();
  const [filter, setFilter] = useState<PipelineFilter>({});
  // Bumped after a change (a decision, an interviewer, a re-sent request) so the counts, rows and flags are read again.
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | undefined>();
  // The last applicant opened stays in the (closing) drawer, so it can animate out and give the page back cleanly.
  const [drawerPerson, setDrawerPerson] = useState(personId);
  if (personId !== undefined && personId !== drawerPerson) setDrawerPerson(personId);
  const pipeline = useLoaded(`${cohortId}/${filter.stage ?? ''}/${filter.kind ?? ''}/${version}`, (signal) =>
    call(getPipeline, { params: { cohortId }, query: filter, token, signal }),
  );
  const flags = useLoaded(`${cohortId}/${version}`, async (signal) => (await call(listFlags, { params: { cohortId }, token, signal })).flags);
  const refresh = (): void => setVersion((n) => n + 1);
  const data = pipeline.value;

  const exportCsv = (): void => {
    if (!data) return;
    setExporting(true);
    setExportError(undefined);
    downloadFile(downloadPipelineCsv, { params: { cohortId }, query: filter, token }, csvFileName(data.cohort.name, filter))
      .catch((error: unknown) => setExportError(messageOf(error)))
      .finally(() => setExporting(false));
  };

  const back = <BackLink href="#/cohorts">Cohorts</BackLink>;
  if (!data) {
    return (
      <>
        {back}
        <Page title="Pipeline" description="Everyone who applied to this cohort, by stage.">
          {pipeline.error ? (
            <ErrorNotice title="The pipeline could not be loaded." message={pipeline.error} onRetry={pipeline.retry} />
          ) : (
            <div className={card.centred}>
              <Spinner label="Loading the pipeline…" />
            </div>
          )}
        </Page>
      </>
    );
  }

  const total = data.countsByKind.mentor + data.countsByKind.executive;
  return (
    <>
      {back}
      <Page title={data.cohort.name} description="Everyone who applied, by stage. Open a name to see their answers, assign an interviewer or decide.">
        <div className={card.stack}>
          <div className={card.actions}>
            <Badge appearance="tint" color={data.cohort.status === 'open' ? 'success' : 'informative'}>
              {COHORT_STATUS_NAMES[data.cohort.status]}
            </Badge>
            <Button as="a" href={cohortHref(cohortId, 'edit')} appearance="subtle" icon={<EditRegular />}>
              Edit cohort
            </Button>
            <Button appearance="subtle" icon={exporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={exporting} onClick={exportCsv}>
              Export CSV
            </Button>
          </div>
          {exportError ? <ErrorNotice title="The CSV could not be exported." message={exportError} /> : null}
          {pipeline.error ? <ErrorNotice title="The pipeline could not be refreshed." message={pipeline.error} onRetry={pipeline.retry} /> : null}

          <StageTiles counts={data.counts} stage={filter.stage} onStage={(stage) => setFilter({ ...filter, stage })} />

          {flags.value ? (
            <FlagsSection token={token} cohortId={cohortId} flags={flags.value} onChanged={refresh} />
          ) : flags.error ? (
            <ErrorNotice title="The flagged nominations could not be loaded." message={flags.error} onRetry={flags.retry} />
          ) : null}

          <section className={card.card} aria-labelledby="applicants-heading">
            <div className={styles.tableHeader}>
              <div className={styles.headingRow}>
                <Subtitle2 as="h2" id="applicants-heading" className={card.heading}>
                  Applicants
                </Subtitle2>
                {pipeline.loading ? <Spinner size="extra-tiny" aria-label="Updating" /> : null}
              </div>
              <KindFilter countsByKind={data.countsByKind} kind={filter.kind} onKind={(kind) => setFilter({ ...filter, kind })} />
            </div>
            <Caption1 className={card.muted} aria-live="polite">
              Showing {data.applicants.length} of {total}: {describeFilter(filter)}.
            </Caption1>
            {data.applicants.length === 0 ? (
              <EmptyState icon={<PeopleQueueRegular />} title={total === 0 ? 'Nobody has applied yet.' : 'Nobody matches these filters.'}>
                {total === 0 ? 'Once applications open, nominations and executive applications appear here as they arrive.' : 'Choose another stage or show everyone.'}
              </EmptyState>
            ) : (
              <div className={card.tableScroller}>
                <ApplicantsTable cohortId={cohortId} rows={data.applicants} selected={personId} />
              </div>
            )}
          </section>
        </div>
      </Page>
      {drawerPerson ? <ApplicantDrawer token={token} cohortId={cohortId} personId={drawerPerson} open={personId !== undefined} onChanged={refresh} /> : null}
    </>
  );
}
