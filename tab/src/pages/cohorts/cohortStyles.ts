import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle, sectionPieces } from '../../components/cardStyles';

/** The card look of the cohorts, pipeline, interviews and "My mentoring" sections, matching the app's empty states. */
export const useCardStyles = makeStyles({
  card: cardStyle,
  ...sectionPieces,
  intro: { ...sectionPieces.intro, marginTop: 0 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});
