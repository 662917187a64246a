import type { ReactElement } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { NavItem, RouteId } from '../routes';

const useStyles = makeStyles({
  nav: { display: 'flex', alignItems: 'stretch' },
  list: { display: 'flex', alignItems: 'stretch', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex' },
  link: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorSubtleBackground,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textDecoration: 'none',
    whiteSpace: 'nowrap',
    borderRadius: tokens.borderRadiusMedium,
    // Text and background change together, as in Fluent's subtle tabs: the high-contrast theme turns hover text black
    // and relies on its cyan hover background to show it.
    ':hover': { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { color: tokens.colorNeutralForeground2Pressed, backgroundColor: tokens.colorSubtleBackgroundPressed },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: 0,
      height: '3px',
      borderRadius: `${tokens.borderRadiusCircular} ${tokens.borderRadiusCircular} 0 0`,
      backgroundColor: 'transparent',
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

interface NavBarProps {
  items: readonly NavItem[];
  current: RouteId | undefined;
}

/** Plain links in a nav landmark: hash routes work with Tab and Enter, open in a new window, and announce "current page". */
export function NavBar({ items, current }: NavBarProps): ReactElement {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Mentoring Up">
      <ul className={styles.list}>
        {items.map((item) => {
          const isCurrent = item.id === current;
          return (
            <li key={item.id} className={styles.item}>
              <a href={item.href} className={mergeClasses(styles.link, isCurrent && styles.current)} aria-current={isCurrent ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
