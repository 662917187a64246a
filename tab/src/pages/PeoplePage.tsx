import type { ReactElement } from 'react';
import { PeopleSearchRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';

export function PeoplePage(): ReactElement {
  return (
    <Page title="People" description="Mentor nominees and executive applicants, with where each one stands.">
      <EmptyState icon={<PeopleSearchRegular />} title="No one has applied yet.">
        Employees who nominate themselves and executives who apply appear here, ready for approval and interviews.
      </EmptyState>
    </Page>
  );
}
