import type { ReactElement } from 'react';
import { Badge, Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { getMyIceBreakers, type MyIceBreaker, type RsvpAnswer } from '../../../../bot/program/icebreaker/api';
import { getMyOrientations, type MyOrientation } from '../../../../bot/program/orientation/api';
import { call, type TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCardStyles } from '../cohorts/cohortStyles';
import { formatDay } from '../cohorts/describeIntake';
import { useLoaded } from '../people/useLoaded';
import { ChatCommand } from './MySections';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const RSVP_WORDS: Record<RsvpAnswer, string> = { yes: 'You said yes', no: 'You said no', maybe: 'You said maybe' };

/** Where a participant stands with the start of the year: their orientation (read or not) and the ice breaker (their answer). */
export function YearStartSection({ personId, token }: { personId: string; token: TokenSource }): ReactElement | null {
  const card = useCardStyles();
  const styles = useStyles();
  const loaded = useLoaded(`me/year-start/${personId}`, async (signal) => {
    const [orientations, iceBreakers] = await Promise.all([call(getMyOrientations, { token, signal }), call(getMyIceBreakers, { token, signal })]);
    return { orientations: orientations.orientations, iceBreakers: iceBreakers.iceBreakers };
  });
  if (loaded.error) return <ErrorNotice title="Your orientation could not be loaded." message={loaded.error} onRetry={loaded.retry} />;
  const value = loaded.value;
  if (!value || (value.orientations.length === 0 && value.iceBreakers.length === 0)) return null;
  return (
    <section className={card.card} aria-labelledby="my-year-start" data-testid="year-start">
      <Subtitle2 as="h2" id="my-year-start" className={card.heading}>
        Getting started
      </Subtitle2>
      <ul className={styles.list}>
        {value.orientations.map((o) => (
          <OrientationItem key={`o-${o.cohortId}`} orientation={o} />
        ))}
        {value.iceBreakers.map((i) => (
          <IceBreakerItem key={`i-${i.cohortId}`} iceBreaker={i} />
        ))}
      </ul>
    </section>
  );
}

function OrientationItem({ orientation }: { orientation: MyOrientation }): ReactElement {
  const styles = useStyles();
  return (
    <li>
      <div className={styles.row}>
        <Body1>{orientation.title}</Body1>
        {orientation.needsAcknowledgement ? (
          <Badge appearance="tint" color="warning">
            Waiting for you
          </Badge>
        ) : (
          <Badge appearance="tint" color="success">
            Read
          </Badge>
        )}
      </div>
      <Caption1>
        {orientation.session
          ? `Your session: ${formatDay(orientation.session.date)} at ${orientation.session.time}${orientation.session.place ? `, ${orientation.session.place}` : ''}. `
          : 'The taskforce will set your session date. '}
        {orientation.needsAcknowledgement ? (
          <>
            Type <ChatCommand>orientation</ChatCommand> in the chat to read it and confirm.
          </>
        ) : null}
      </Caption1>
    </li>
  );
}

function IceBreakerItem({ iceBreaker }: { iceBreaker: MyIceBreaker }): ReactElement {
  const styles = useStyles();
  return (
    <li>
      <div className={styles.row}>
        <Body1>
          The ice breaker: {formatDay(iceBreaker.date)} at {iceBreaker.time}
          {iceBreaker.place ? `, ${iceBreaker.place}` : ''}
        </Body1>
        <Badge appearance="tint" color={iceBreaker.rsvp === null ? 'warning' : 'informative'}>
          {iceBreaker.rsvp === null ? 'Please answer' : RSVP_WORDS[iceBreaker.rsvp]}
        </Badge>
      </div>
      <Caption1>Answer or change your answer on the invitation card in the chat.</Caption1>
    </li>
  );
}
