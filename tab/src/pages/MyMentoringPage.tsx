import type { ReactElement } from 'react';
import { Link, Spinner } from '@fluentui/react-components';
import { HandshakeRegular } from '@fluentui/react-icons';
import type { Me } from '../../../bot/http/sessionApi';
import { getMyPairs } from '../../../bot/program/matching/api';
import { getMySurveys } from '../../../bot/program/surveys/api';
import { getMyMentoring, type MyMentoring } from '../../../bot/program/pipeline/api';
import { call, type TokenSource } from '../api';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { useCardStyles } from './cohorts/cohortStyles';
import { ApprovalsWaiting, InterviewsToDo, MyApplications, OpenCohortInvite } from './my/MySections';
import { YearStartSection } from './my/YearStartSection';
import { signedInToken } from './people/signedInToken';
import { useLoaded } from './people/useLoaded';
import { MyPairSection } from './pairs/MyPairSection';
import { MyLearningsSection } from './outcomes/MyLearningsSection';
import { MySurveysSection } from './outcomes/MySurveysSection';
import { getMyYear } from '../../../bot/program/year/api';
import { MyYearSection } from './my/MyYearSection';

interface MyMentoringPageProps {
  me: Me;
  /** The signed-in person's token; by default read from where sign-in keeps it. */
  token?: TokenSource;
}

function isEmpty(mine: MyMentoring): boolean {
  return mine.applications.length === 0 && mine.approvalsWaiting.length === 0 && mine.interviewsToDo.length === 0 && !mine.openCohort;
}

/** Executives apply as mentees; everyone else nominates themselves as a mentor. */
function nothingOpenText(me: Me): string {
  return me.roles.includes('executive')
    ? 'Applications are not open right now. When the next cohort opens, you can apply in a chat with the Mentoring Up bot and share the topics you want to learn about.'
    : 'Applications are not open right now. When the next cohort opens, you can nominate yourself in a chat with the Mentoring Up bot; your manager is asked to approve.';
}

/** What the signed-in person has going on: things waiting for them first, then their own applications, then how to join. */
export function MyMentoringPage({ me, token = signedInToken }: MyMentoringPageProps): ReactElement {
  const card = useCardStyles();
  const mine = useLoaded(`me/mentoring/${me.id}`, (signal) => call(getMyMentoring, { token, signal }));
  const pairs = useLoaded(`me/pair/${me.id}`, async (signal) => (await call(getMyPairs, { token, signal })).pairs);
  const surveys = useLoaded(`me/surveys/${me.id}`, async (signal) => (await call(getMySurveys, { token, signal })).surveys);
  const year = useLoaded(`me/year/${me.id}`, async (signal) => (await call(getMyYear, { token, signal })).plans);
  const pairedCohorts = new Set((pairs.value ?? []).map((pair) => pair.cohortId));
  const value = mine.value;
  return (
    <Page title="My mentoring" description="Your application, your pair, and what is waiting for you, all in one place.">
      <div className={card.stack}>
        {surveys.error ? (
          <ErrorNotice title="Your surveys could not be loaded." message={surveys.error} onRetry={surveys.retry} />
        ) : (
          <MySurveysSection surveys={surveys.value ?? []} token={token} onSaved={surveys.retry} />
        )}
        {year.error ? <ErrorNotice title="Your meetings could not be loaded." message={year.error} onRetry={year.retry} /> : <MyYearSection plans={year.value ?? []} />}
        {pairs.error ? <ErrorNotice title="Your pair could not be loaded." message={pairs.error} onRetry={pairs.retry} /> : <MyPairSection pairs={pairs.value ?? []} />}
        <YearStartSection personId={me.id} token={token} />
        <MyLearningsSection meId={me.id} pairedCohorts={[...pairedCohorts]} token={token} />
        {!value ? (
          mine.error ? (
            <ErrorNotice title="Your mentoring could not be loaded." message={mine.error} onRetry={mine.retry} />
          ) : (
            <div className={card.centred}>
              <Spinner label="Loading your mentoring…" />
            </div>
          )
        ) : isEmpty(value) ? (
          <EmptyState icon={<HandshakeRegular />} title="You have not applied yet." actions={<Link href="#/program">How Mentoring Up works</Link>}>
            {nothingOpenText(me)}
          </EmptyState>
        ) : (
          <div className={card.stack}>
            {value.approvalsWaiting.length > 0 ? <ApprovalsWaiting approvals={value.approvalsWaiting} /> : null}
            {value.interviewsToDo.length > 0 ? <InterviewsToDo interviews={value.interviewsToDo} /> : null}
            {value.applications.length > 0 ? <MyApplications applications={value.applications} pairedCohorts={pairedCohorts} /> : null}
            {value.openCohort ? <OpenCohortInvite cohort={value.openCohort} /> : null}
            {value.applications.length === 0 ? <Link href="#/program">How Mentoring Up works</Link> : null}
          </div>
        )}
      </div>
    </Page>
  );
}
