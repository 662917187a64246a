import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The one card look of every page's sections, matching the app's empty states. Pages build their own `makeStyles`
 * from these pieces (Griffel needs the objects at definition time) and add what is theirs.
 */
export const cardStyle: GriffelStyle = {
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
};

export const sectionPieces = {
  // Fluent's text components are inline; headings and their lines each take their own row.
  heading: { display: 'block', margin: 0 },
  intro: { display: 'block', margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, maxWidth: '70ch' },
  muted: { color: tokens.colorNeutralForeground3 },
  centred: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Wide tables scroll sideways inside their card on narrow hosts instead of widening the page.
  tableScroller: { overflowX: 'auto', minWidth: 0 },
} satisfies Record<string, GriffelStyle>;

/** A list of things to act on inside a card: each row its text on the left, its buttons on the right (below on a phone). */
export const actionListPieces = {
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalM} 0`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 320px' },
} satisfies Record<string, GriffelStyle>;
