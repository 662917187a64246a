import { useEffect, useState, type ReactElement } from 'react';
import {
  Badge,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { getApplicant } from '../../../../bot/program/applications/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoaded } from '../people/useLoaded';
import { ApplicantAnswers, ManagerSection } from './ApplicantSections';
import { cohortHref } from './cohortRoute';
import { useCardStyles } from './cohortStyles';
import { DecisionPanel } from './DecisionPanel';
import { KIND_NAMES, STAGE_COLORS, STAGE_NAMES } from './describeIntake';
import { InterviewSection } from './InterviewSection';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalXXL },
  subtitle: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface ApplicantDrawerProps {
  token: TokenSource;
  cohortId: string;
  personId: string;
  /** Closing keeps the drawer mounted so Fluent can hand the page back (focus, aria-hidden) as it closes. */
  open: boolean;
  /** Something about the applicant changed (interviewer, decision): the pipeline reads again. */
  onChanged(): void;
}

/** One applicant beside the pipeline: their answers, their manager's decision, the interview and the taskforce's decision. */
export function ApplicantDrawer({ token, cohortId, personId, open, onChanged }: ApplicantDrawerProps): ReactElement {
  // Leaving the pipeline with the drawer open unmounts it while open, and its focus trap leaves the aria-hidden it put on
  // the rest of the page (#root) behind, hiding the next page from screen readers. Take it back when it goes.
  useEffect(() => () => releaseHiddenPage(), []);
  const styles = useStyles();
  const card = useCardStyles();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<{ personId: string; text: string } | undefined>();
  const detail = useLoaded(`${cohortId}/${personId}/${version}`, (signal) => call(getApplicant, { params: { cohortId, personId }, token, signal }));
  const shown = detail.value?.application.personId === personId ? detail.value : undefined;
  const close = (): void => {
    window.location.hash = cohortHref(cohortId);
  };
  const changed = (message: string): void => {
    setNotice({ personId, text: message });
    setVersion((n) => n + 1);
    onChanged();
  };

  return (
    <OverlayDrawer open={open} position="end" size="medium" onOpenChange={(_, data) => !data.open && close()} aria-label="Applicant">
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={close} />}>
          {shown?.application.name ?? 'Applicant'}
        </DrawerHeaderTitle>
        {shown ? (
          <div className={styles.subtitle}>
            <Caption1 className={styles.muted}>{[shown.application.jobTitle, shown.application.department].filter(Boolean).join(' · ')}</Caption1>
            <div className={styles.badges}>
              <Badge appearance="outline">{KIND_NAMES[shown.application.kind]}</Badge>
              <Badge appearance="tint" color={STAGE_COLORS[shown.application.stage]} data-testid="applicant-stage">
                {STAGE_NAMES[shown.application.stage]}
              </Badge>
              <Caption1>{shown.application.stageLabel}</Caption1>
            </div>
          </div>
        ) : null}
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {notice?.personId === personId ? (
          <MessageBar intent="success" politeness="polite">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {detail.error ? <ErrorNotice title="This applicant could not be loaded." message={detail.error} onRetry={detail.retry} /> : null}
        {shown ? (
          <>
            <ApplicantAnswers detail={shown} />
            {shown.application.kind === 'mentor' ? <ManagerSection application={shown.application} /> : null}
            {shown.application.kind === 'mentor' ? <InterviewSection token={token} detail={shown} onAssigned={changed} /> : null}
            <DecisionPanel token={token} application={shown.application} onDecided={changed} />
          </>
        ) : detail.error ? null : (
          <div className={card.centred}>
            <Spinner label="Loading the application…" />
          </div>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function releaseHiddenPage(): void {
  const release = () => document.getElementById('root')?.removeAttribute('aria-hidden');
  release();
  requestAnimationFrame(release); // the trap lets go on its own schedule
}
