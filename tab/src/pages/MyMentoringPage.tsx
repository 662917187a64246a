import type { ReactElement } from 'react';
import { Link } from '@fluentui/react-components';
import { HandshakeRegular } from '@fluentui/react-icons';
import type { Me } from '../api';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';

/** Executives apply as mentees; everyone else nominates themselves as a mentor. */
function nextStepFor(me: Me): string {
  return me.roles.includes('executive')
    ? 'To be paired with a front-line mentor, apply in a chat with the Mentoring Up bot and share the topics you want to learn about.'
    : 'To mentor an executive, nominate yourself in a chat with the Mentoring Up bot; your manager is asked to approve.';
}

export function MyMentoringPage({ me }: { me: Me }): ReactElement {
  return (
    <Page title="My mentoring" description="Your application, your pair, and your next meeting, all in one place.">
      <EmptyState
        icon={<HandshakeRegular />}
        title="You have not applied yet."
        actions={<Link href="#/program">How Mentoring Up works</Link>}
      >
        {nextStepFor(me)}
      </EmptyState>
    </Page>
  );
}
