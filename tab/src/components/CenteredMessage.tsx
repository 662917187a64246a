import type { ReactElement, ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { AppMark } from './AppMark';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalL,
  },
  body: { width: '100%', maxWidth: '520px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Full-page state before the shell exists (starting, failed, outside Teams): the app's mark above one message. */
export function CenteredMessage({ children }: { children: ReactNode }): ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <AppMark />
      <div className={styles.body}>{children}</div>
    </main>
  );
}
