import type { ReactElement } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Page } from '../components/Page';

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '72ch',
  },
  heading: { margin: 0 },
  steps: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

const steps: readonly string[] = [
  'Front-line staff and faculty without direct reports nominate themselves, and their manager approves.',
  'A member of the taskforce interviews each nominee and notes the areas they can mentor on.',
  'Executives apply with the topics they want to learn about.',
  'Pairs are matched on shared interests, always outside the executive’s chain of command.',
  'Over the year each pair meets four times, with an orientation, an ice breaker and a shadowing visit.',
];

/** For people who are not on the taskforce: what reverse mentoring is, before they take part. */
export function ProgramPage(): ReactElement {
  const styles = useStyles();
  return (
    <Page title="The program" description="Mentoring Up reverses the roles: front-line staff mentor executives, who learn what work looks like from the front line.">
      <section className={styles.card} aria-labelledby="program-steps">
        <Subtitle2 as="h2" id="program-steps" className={styles.heading}>
          How a year of Mentoring Up goes
        </Subtitle2>
        <ol className={styles.steps}>
          {steps.map((step) => (
            <li key={step}>
              <Body1>{step}</Body1>
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
