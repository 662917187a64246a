import type { ReactElement } from 'react';
import type { Me } from '../../../../bot/http/sessionApi';
import type { TokenSource } from '../../api';
import { Page } from '../../components/Page';
import { useHash } from '../../routes';
import { signedInToken } from '../people/signedInToken';
import { InterviewList } from './InterviewList';
import { InterviewSheetView } from './InterviewSheetView';
import { parseInterviewHash } from './interviewRoute';

interface InterviewsPageProps {
  me: Me;
  token?: TokenSource;
}

/** The taskforce member's interviews: the ones assigned to them, and the rubric form for each. */
export function InterviewsPage({ me, token = signedInToken }: InterviewsPageProps): ReactElement {
  const opened = parseInterviewHash(useHash());
  if (opened) {
    return <InterviewSheetView key={`${opened.cohortId}/${opened.personId}`} me={me} token={token} cohortId={opened.cohortId} personId={opened.personId} />;
  }
  return (
    <Page title="My interviews" description="The nominees you interview. Score each one on the cohort's rubric, here or on the card in your chat.">
      <InterviewList token={token} />
    </Page>
  );
}
