import type { ReactElement } from 'react';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';

export function CohortsPage(): ReactElement {
  return (
    <Page title="Cohorts" description="Each cohort is one year of the program, from nominations to the final survey.">
      <EmptyState icon={<CalendarLtrRegular />} title="No cohorts yet.">
        Once a cohort is created, nominations open and its progress through the year shows here.
      </EmptyState>
    </Page>
  );
}
