import type { ReactElement } from 'react';
import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { Proposal } from '../../../../bot/program/matching/api';
import { formatWhen } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

const useStyles = makeStyles({
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  stat: {
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  statLabel: { color: tokens.colorNeutralForeground3, margin: 0 },
  statValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  formula: {
    display: 'block',
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
});

interface ProposalSummaryProps {
  proposal: Proposal;
  busy?: string;
  onRun(): void;
  onConfirm(): void;
}

/** What the last run proposed, in numbers, with the formula behind the scores and the two ways forward. */
export function ProposalSummary({ proposal, busy, onRun, onConfirm }: ProposalSummaryProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  const { counts } = proposal;
  const stats: [string, string][] = [
    ['Matched', `${counts.matched} of ${counts.executives}`],
    ['Unmatched executives', String(counts.unmatched)],
    ['Free mentors', `${counts.freeMentors} of ${counts.mentors}`],
    ['Total score', String(counts.totalScore)],
  ];
  const running = busy === 'run';
  return (
    <section className={card.card} aria-labelledby="proposal-heading">
      <div className={card.cardHeader}>
        <div>
          <Subtitle2 as="h2" id="proposal-heading" className={card.heading}>
            Proposal
          </Subtitle2>
          <Caption1 className={card.intro}>
            {proposal.runAt ? `Proposed ${formatWhen(proposal.runAt)}${proposal.runByName ? ` by ${proposal.runByName}` : ''}. ` : ''}
            Nobody is told until you confirm.
          </Caption1>
        </div>
        <div className={card.actions}>
          <Button icon={running ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={busy !== undefined} onClick={onRun}>
            Re-run (keeps locks and bans)
          </Button>
          <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled={busy !== undefined || counts.matched === 0} onClick={onConfirm}>
            Confirm pairs
          </Button>
        </div>
      </div>
      <dl className={styles.stats} aria-label="Proposal in numbers">
        {stats.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt className={styles.statLabel}>
              <Caption1>{label}</Caption1>
            </dt>
            <dd className={styles.statValue} data-testid={`count-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <Body1 as="p" className={styles.formula}>
        <strong>Score:</strong> {proposal.formula.text}
      </Body1>
    </section>
  );
}
