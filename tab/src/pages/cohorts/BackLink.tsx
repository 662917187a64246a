import type { ReactElement } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
});

/** The way back from a page inside a page (a cohort's pipeline, an interview) to the list it came from. */
export function BackLink({ href, children }: { href: string; children: string }): ReactElement {
  const styles = useStyles();
  return (
    <Link href={href} className={styles.link}>
      <ArrowLeftRegular aria-hidden="true" />
      {children}
    </Link>
  );
}
