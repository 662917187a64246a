import { makeStyles, tokens } from '@fluentui/react-components';

/** The Pairs page's cards, matching the app's empty states and the other pages' sections. */
export const usePairsStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    // Transparent in the light and dark themes, drawn in high contrast where shadows are not shown.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    minWidth: 0,
  },
  cardHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  // Fluent's text components are inline; headings and their lines each take their own row.
  heading: { display: 'block', margin: 0 },
  intro: { display: 'block', margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, maxWidth: '70ch' },
  muted: { color: tokens.colorNeutralForeground3 },
  centred: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Wide tables scroll sideways inside their card on narrow hosts instead of widening the page.
  tableScroller: { overflowX: 'auto', minWidth: 0 },
  person: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, minWidth: 0 },
  number: { fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  plainList: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
});
