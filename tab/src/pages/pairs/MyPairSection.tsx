import type { ReactElement } from 'react';
import { Avatar, Body1, Body1Strong, Caption1, Subtitle2, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { MyPair } from '../../../../bot/program/matching/api';
import { roleLine } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  partner: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  partnerText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function MyPairSection({ pairs }: { pairs: readonly MyPair[] }): ReactElement | null {
  if (pairs.length === 0) return null;
  return (
    <>
      {pairs.map((pair) => (
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
