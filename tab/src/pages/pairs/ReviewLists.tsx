import type { ReactElement } from 'react';
import { Body1, Body1Strong, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import type { BanJson, PersonSummary, UnmatchedExecutiveJson } from '../../../../bot/program/matching/api';
import { formatWhen, roleLine } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 320px' },
});

interface UnmatchedSectionProps {
  unmatched: UnmatchedExecutiveJson[];
  freeMentors: number;
  busy?: string;
  onChooseMentor(executive: PersonSummary): void;
}

/** Executives the proposal leaves without a mentor, each with the service's sentence saying why. */
export function UnmatchedSection({ unmatched, freeMentors, busy, onChooseMentor }: UnmatchedSectionProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  return (
    <section className={card.card} aria-labelledby="unmatched-heading">
      <div>
        <Subtitle2 as="h2" id="unmatched-heading" className={card.heading}>
          Without a mentor ({unmatched.length})
        </Subtitle2>
        <Caption1 className={card.intro}>Re-run matching to fill these where the rules allow, or choose a mentor by hand.</Caption1>
      </div>
      <ul className={card.plainList} aria-label="Executives without a mentor">
        {unmatched.map((item) => (
          <li key={item.executive.id} className={styles.item} data-executive-id={item.executive.id}>
            <div className={styles.text}>
              <Body1Strong>{item.executive.name}</Body1Strong>
              <Caption1 className={card.muted}>{roleLine(item.executive)}</Caption1>
              <Body1>{item.explanation}</Body1>
            </div>
            <Button
              size="small"
              icon={<PersonAddRegular />}
              disabled={busy !== undefined || freeMentors === 0}
              aria-label={`Choose a mentor for ${item.executive.name}`}
              onClick={() => onChooseMentor(item.executive)}
            >
              Choose a mentor
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface BansSectionProps {
  bans: BanJson[];
  busy?: string;
  onUnban(ban: BanJson): void;
}

/** Pairs the taskforce ruled out; they hold across re-runs until lifted here. */
export function BansSection({ bans, busy, onUnban }: BansSectionProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  return (
    <section className={card.card} aria-labelledby="bans-heading">
      <div>
        <Subtitle2 as="h2" id="bans-heading" className={card.heading}>
          Banned pairs ({bans.length})
        </Subtitle2>
        <Caption1 className={card.intro}>
          Matching never proposes {bans.length === 1 ? 'this pair' : 'these pairs'} again in this cohort. Lift a ban to allow the pair again.
        </Caption1>
      </div>
      <ul className={card.plainList} aria-label="Banned pairs">
        {bans.map((ban) => {
          const key = `${ban.executiveId}|${ban.mentorId}`;
          return (
            <li key={key} className={styles.item}>
              <div className={styles.text}>
                <Body1Strong>
                  {ban.executiveName} and {ban.mentorName}
                </Body1Strong>
                <Caption1 className={card.muted}>
                  Banned by {ban.byName} {formatWhen(ban.at)}
                  {ban.reason ? `: “${ban.reason}”` : '.'}
                </Caption1>
              </div>
              <Button size="small" disabled={busy !== undefined} aria-label={`Lift the ban on ${ban.executiveName} and ${ban.mentorName}`} onClick={() => onUnban(ban)}>
                Lift ban
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
