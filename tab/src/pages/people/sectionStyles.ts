import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle, sectionPieces } from '../../components/cardStyles';

/** The People page's sections share one card look, matching the app's empty states. */
export const useSectionStyles = makeStyles({
  card: { ...cardStyle, gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}` },
  heading: sectionPieces.heading,
  intro: sectionPieces.intro,
  centred: sectionPieces.centred,
  tableScroller: sectionPieces.tableScroller,
});
