import type { ReactElement } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { HandRightRegular, PersonSwapRegular, ProhibitedRegular, ShieldErrorRegular } from '@fluentui/react-icons';
import type { PersonSummary, ProposedPairJson } from '../../../../bot/program/matching/api';
import { RULE_NAMES, listNames, roleLine } from './describeMatching';
import { usePairsStyles } from './pairsStyles';

/** What the "Chain excluded" column counts, said the same way in its tooltip and the note above the table. */
const CHAIN_EXCLUDED_MEANING = 'Accepted mentors who cannot be paired with this executive because they report up to them';

const useStyles = makeStyles({
  table: { minWidth: '960px' },
  personCol: { width: '20%' },
  topicsCol: { width: '22%' },
  narrow: { width: '76px' },
  lockCol: { width: '72px' },
  actionsCol: { width: '210px' },
  rowActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  topics: { color: tokens.colorNeutralForeground2, display: 'block' },
});

interface ProposedPairsTableProps {
  pairs: ProposedPairJson[];
  busy?: string;
  onLock(pair: ProposedPairJson, locked: boolean): void;
  onBan(pair: ProposedPairJson): void;
  onChangeMentor(executive: PersonSummary, current: PersonSummary): void;
}

function Person({ person }: { person: PersonSummary }): ReactElement {
  const card = usePairsStyles();
  return (
    <div className={card.person}>
      <Body1>{person.name}</Body1>
      <Caption1 className={card.muted}>{roleLine(person)}</Caption1>
    </div>
  );
}

/** One row per proposed pair, with the taskforce's controls: lock, ban, or place another mentor by hand. */
export function ProposedPairsTable({ pairs, busy, onLock, onBan, onChangeMentor }: ProposedPairsTableProps): ReactElement {
  const styles = useStyles();
  const card = usePairsStyles();
  const changing = busy !== undefined;
  return (
    <div className={card.tableScroller}>
      <Caption1 className={card.muted} data-testid="proposed-columns-note">
        {`Chain excluded: ${CHAIN_EXCLUDED_MEANING.toLowerCase()}. Locked: the pair is kept as it is when matching runs again.`}
      </Caption1>
      <Table className={styles.table} size="small" aria-label="Proposed pairs">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.personCol}>Executive</TableHeaderCell>
            <TableHeaderCell className={styles.personCol}>Mentor</TableHeaderCell>
            <TableHeaderCell className={styles.topicsCol}>Shared topics</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>Score</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>
              <Tooltip content={CHAIN_EXCLUDED_MEANING} relationship="description">
                <span tabIndex={0}>Chain excluded</span>
              </Tooltip>
            </TableHeaderCell>
            <TableHeaderCell className={styles.lockCol}>Locked</TableHeaderCell>
            <TableHeaderCell className={styles.actionsCol}>
              <span className={card.muted}>Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {pairs.map((pair) => {
            const names = `${pair.executive.name} and ${pair.mentor.name}`;
            return (
              <TableRow key={pair.executive.id} data-executive-id={pair.executive.id} data-mentor-id={pair.mentor.id}>
                <TableCell>
                  <Person person={pair.executive} />
                </TableCell>
                <TableCell>
                  <Person person={pair.mentor} />
                  {pair.source === 'manual' || pair.override ? (
                    <div className={card.badges}>
                      {pair.source === 'manual' ? (
                        <Badge appearance="tint" color="informative" icon={<HandRightRegular />}>
                          Placed by hand
                        </Badge>
                      ) : null}
                      {pair.override ? (
                        <Tooltip
                          content={`${listNames(pair.override.rules.map((rule) => RULE_NAMES[rule]))}, overridden by ${pair.override.byName}: “${pair.override.reason}”`}
                          relationship="description"
                        >
                          <Badge appearance="tint" color="warning" icon={<ShieldErrorRegular />} tabIndex={0}>
                            Rule overridden
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <Caption1 className={styles.topics}>{pair.sharedTopics.length > 0 ? pair.sharedTopics.join('; ') : 'None in common'}</Caption1>
                </TableCell>
                <TableCell className={card.number}>{pair.score}</TableCell>
                <TableCell className={card.number}>{pair.chainExcluded}</TableCell>
                <TableCell>
                  <Switch
                    checked={pair.locked}
                    disabled={changing}
                    label={pair.locked ? 'Locked' : 'Not locked'}
                    aria-label={`Lock the pair ${names}`}
                    onChange={(_, data) => onLock(pair, data.checked)}
                  />
                </TableCell>
                <TableCell>
                  <div className={styles.rowActions}>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<PersonSwapRegular />}
                      disabled={changing}
                      aria-label={`Change mentor for ${pair.executive.name}`}
                      onClick={() => onChangeMentor(pair.executive, pair.mentor)}
                    >
                      Change mentor
                    </Button>
                    <Button size="small" appearance="subtle" icon={<ProhibitedRegular />} disabled={changing} aria-label={`Ban this pair: ${names}`} onClick={() => onBan(pair)}>
                      Ban this pair
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
