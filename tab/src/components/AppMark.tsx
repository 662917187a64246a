import type { ReactElement } from 'react';
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexShrink: 0 },
  logo: { width: '28px', height: '28px', display: 'block' },
  name: {
    whiteSpace: 'nowrap',
    // On the narrowest phones the icon alone marks the app, leaving the width to the signed-in person's name.
    '@media (max-width: 379px)': {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
    },
  },
});

/** The app's icon, drawn as in the Teams manifest icon: two people and an upward arrow on teal. */
function Logo({ className }: { className: string }): ReactElement {
  const shoulders = (cx: number): string => `M${cx - 10.2} 80.6A10.2 13.6 0 0 1 ${cx + 10.2} 80.6Z`;
  return (
    <svg className={className} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <rect width="100" height="100" rx="22" fill="#0e7c7b" />
      <circle cx="28.9" cy="56.8" r="5.8" fill="#fff" />
      <circle cx="71.1" cy="56.8" r="5.8" fill="#fff" />
      <path d={shoulders(28.9)} fill="#fff" />
      <path d={shoulders(71.1)} fill="#fff" />
      <path d="M50 20.1L67 43.2H55.1V80.6H44.9V43.2H33Z" fill="#f5b942" />
    </svg>
  );
}

export function AppMark(): ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Logo className={styles.logo} />
      <Subtitle2 className={styles.name}>Mentoring Up</Subtitle2>
    </div>
  );
}
