import type { ReactElement, ReactNode } from 'react';
import { Body1, Title3, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  title: { margin: 0 },
  description: { color: tokens.colorNeutralForeground3, margin: 0 },
});

interface PageProps {
  title: string;
  description: string;
  children: ReactNode;
}

/** Every page starts the same way: one h1 (the page's name) and one line saying what the page is for. */
export function Page({ title, description, children }: PageProps): ReactElement {
  const styles = useStyles();
  return (
    <>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {title}
        </Title3>
        <Body1 as="p" className={styles.description}>
          {description}
        </Body1>
      </header>
      {children}
    </>
  );
}
