import type { ReactElement } from 'react';
import { Avatar, Body1, Body1Strong, Caption1, Subtitle2, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { TokenSource } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { signedInToken } from '../people/signedInToken';
import { useLoaded } from '../people/useLoaded';
import { roleLine } from './describeMatching';
import { getMyPairs } from './matchingApi';
import type { MyPair } from './matchingTypes';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  partner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  partnerText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface MyPairSectionProps {
  /** Whose pair to show; a new person (switching in local mode) reads theirs afresh. */
  personId: string;
  /** The signed-in person's token; by default read from where sign-in keeps it. */
  token?: TokenSource;
}

/**
 * "My mentoring": the signed-in person's confirmed pair (partner, shared topics, what happens next). Shows nothing while
 * loading or when they have no pair, so the page around it stays as it was.
 */
export function MyPairSection({ personId, token = signedInToken }: MyPairSectionProps): ReactElement | null {
  const mine = useLoaded<MyPair[]>(`me/pair/${personId}`, (signal) => getMyPairs(token, signal));
  if (mine.error) return <ErrorNotice title="Your pair could not be loaded." message={mine.error} onRetry={mine.retry} />;
  if (!mine.value || mine.value.length === 0) return null;
  return (
    <>
      {mine.value.map((pair) => (
        <PairCard key={pair.cohortId} pair={pair} />
      ))}
    </>
  );
}

function PairCard({ pair }: { pair: MyPair }): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  const { partner } = pair;
  const headingId = `my-pair-${pair.cohortId}`;
  return (
    <section className={card.card} aria-labelledby={headingId} data-testid="my-pair">
      <div>
        <Subtitle2 as="h2" id={headingId} className={card.heading}>
          {partner.role === 'mentor' ? 'Your mentor' : 'Your mentee'}
        </Subtitle2>
        <Caption1 className={card.intro}>{pair.cohortName}</Caption1>
      </div>
      <div className={styles.partner}>
        <Avatar name={partner.name} color="colorful" size={48} aria-hidden="true" />
        <div className={styles.partnerText}>
          <Body1Strong>{partner.name}</Body1Strong>
          <Caption1 className={card.muted}>{roleLine(partner)}</Caption1>
        </div>
      </div>
      <div className={styles.block}>
        <Body1Strong as="h3" className={card.heading}>
          Topics you share
        </Body1Strong>
        {pair.sharedTopics.length > 0 ? (
          <TagGroup aria-label="Topics you share">
            {pair.sharedTopics.map((topic) => (
              <Tag key={topic} size="small" appearance="brand">
                {topic}
              </Tag>
            ))}
          </TagGroup>
        ) : (
          <Body1 className={card.muted}>None in common: a chance to learn something new.</Body1>
        )}
      </div>
      <div className={styles.block}>
        <Body1Strong as="h3" className={card.heading}>
          What happens next
        </Body1Strong>
        <ol className={card.list}>
          {pair.nextSteps.map((step) => (
            <li key={step}>
              <Body1>{step}</Body1>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
