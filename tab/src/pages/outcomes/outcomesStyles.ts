import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle, sectionPieces } from '../../components/cardStyles';

export const useOutcomesStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  card: cardStyle,
  ...sectionPieces,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  sentence: { maxWidth: '60ch' },
  warning: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});
