import type { ReactElement } from 'react';
import { Caption1, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ApplicationKind, Stage } from '../../../../bot/program/applications/api';
import type { Pipeline, PipelineFilter } from '../../../../bot/program/pipeline/api';
import { KIND_NAMES, STAGE_NAMES, STAGE_ORDER, formatCount } from './describeIntake';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(118px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    textAlign: 'left',
    boxShadow: tokens.shadow2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, border: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}` },
  },
  count: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground2 },
  kinds: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/** Counts per stage over the whole cohort; each tile also filters the table to its stage (and back when pressed again). */
export function StageTiles(props: { counts: Pipeline['counts']; stage?: Stage; onStage(stage: Stage | undefined): void }): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.tiles} role="group" aria-label="Applicants by stage">
      {STAGE_ORDER.map((stage) => {
        const selected = props.stage === stage;
        return (
          <button
            key={stage}
            type="button"
            className={mergeClasses(styles.tile, selected && styles.selected)}
            aria-pressed={selected}
            data-stage={stage}
            onClick={() => props.onStage(selected ? undefined : stage)}
          >
            <span className={styles.count}>{formatCount(props.counts[stage] ?? 0)}</span>
            <Caption1 className={styles.label}>{STAGE_NAMES[stage]}</Caption1>
          </button>
        );
      })}
    </div>
  );
}

const KIND_OPTIONS: readonly (ApplicationKind | undefined)[] = [undefined, 'mentor', 'executive'];

/** All applicants, mentors only or executives only, with the cohort's total of each. */
export function KindFilter(props: { countsByKind: Pipeline['countsByKind']; kind?: ApplicationKind; onKind(kind: ApplicationKind | undefined): void }): ReactElement {
  const styles = useStyles();
  const total = props.countsByKind.mentor + props.countsByKind.executive;
  return (
    <div className={styles.kinds} role="group" aria-label="Show">
      {KIND_OPTIONS.map((kind) => (
        <ToggleButton
          key={kind ?? 'all'}
          size="small"
          shape="circular"
          checked={props.kind === kind}
          appearance={props.kind === kind ? 'primary' : 'secondary'}
          onClick={() => props.onKind(kind)}
        >
          {kind ? `${KIND_NAMES[kind]}s` : 'Everyone'} ({formatCount(kind ? props.countsByKind[kind] : total)})
        </ToggleButton>
      ))}
    </div>
  );
}

export function describeFilter(filter: PipelineFilter): string {
  const who = filter.kind ? `${KIND_NAMES[filter.kind].toLowerCase()}s` : 'applicants';
  return filter.stage ? `${who} at “${STAGE_NAMES[filter.stage]}”` : `all ${who}`;
}
