import type { ReactElement, ReactNode } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  icon: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '56px',
    height: '56px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: '28px',
    marginBottom: tokens.spacingVerticalS,
    '& svg': { width: '28px', height: '28px' },
  },
  title: { margin: 0 },
  text: { maxWidth: '52ch', margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { marginTop: tokens.spacingVerticalM },
});

interface EmptyStateProps {
  icon: ReactElement;
  title: string;
  /** One helpful sentence: what will appear here, and how it gets here. */
  children: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ icon, title, children, actions }: EmptyStateProps): ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title} data-testid="empty-state">
      <div className={styles.icon} aria-hidden="true">
        {icon}
      </div>
      <Subtitle2 as="h2" className={styles.title}>
        {title}
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        {children}
      </Body1>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}
