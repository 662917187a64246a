import type { ReactElement } from 'react';
import { PeopleLinkRegular } from '@fluentui/react-icons';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';

export function PairsPage(): ReactElement {
  return (
    <Page
      title="Pairs"
      description="Proposed mentor and executive pairs, matched on shared interests and never inside a chain of command."
    >
      <EmptyState icon={<PeopleLinkRegular />} title="No pairs yet.">
        Pairs are proposed here once mentors have been interviewed and executives have applied, for you to review and
        confirm.
      </EmptyState>
    </Page>
  );
}
