import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle, sectionPieces } from '../../components/cardStyles';

/** The Pairs page's cards, matching the app's empty states and the other pages' sections. */
export const usePairsStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  card: cardStyle,
  ...sectionPieces,
  cardHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  person: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, minWidth: 0 },
  number: { fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  plainList: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
});
