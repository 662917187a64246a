import { makeStyles, tokens } from '@fluentui/react-components';
import { cardStyle, sectionPieces } from '../../components/cardStyles';

export const useOutcomesStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  card: cardStyle,
  ...sectionPieces,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Fluent's tables share the width equally; these hold figures and sentences of very different lengths.
  table: { tableLayout: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  question: { minWidth: '28ch' },
  questionText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0` },
  sentence: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  formRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flex: '1 1 320px' },
  chart: { width: '100%', minWidth: 0 },
  chartBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  chartBar: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  warning: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});
