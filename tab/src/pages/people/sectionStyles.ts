import { makeStyles, tokens } from '@fluentui/react-components';

/** The People page's sections share one card look, matching the app's empty states. */
export const useSectionStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    // Transparent in the light and dark themes, drawn in high contrast where shadows are not shown.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    minWidth: 0,
  },
  // Fluent's text components are inline; the heading and its line each take their own row.
  heading: { display: 'block', margin: 0 },
  intro: { display: 'block', margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, maxWidth: '70ch' },
  centred: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXL },
  // Wide tables scroll sideways inside their card on narrow hosts instead of widening the page.
  tableScroller: { overflowX: 'auto', minWidth: 0 },
});
