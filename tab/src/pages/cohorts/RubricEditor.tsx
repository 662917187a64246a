import type { ReactElement } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { COHORT_LIMITS } from '../../../../bot/program/cohorts/api';
import type { DraftCriterion } from './cohortDraft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  accordion: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: { ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
  },
  anchors: { display: 'grid', gridTemplateColumns: 'auto 1fr', alignItems: 'center', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  score: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  remove: { alignSelf: 'flex-start' },
  untitled: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  add: { alignSelf: 'flex-start' },
});

interface RubricEditorProps {
  rubric: DraftCriterion[];
  problem?: string;
  onChange(key: string, change: Partial<Pick<DraftCriterion, 'title' | 'anchors'>>): void;
  onRemove(key: string): void;
  onAdd(): void;
}

/** The interview rubric: each criterion is scored 1 to 5, and each score has a sentence describing it. */
export function RubricEditor({ rubric, problem, onChange, onRemove, onAdd }: RubricEditorProps): ReactElement {
  const styles = useStyles();
  return (
    <Field label="Interview rubric" hint="Interviewers score each criterion from 1 to 5; the sentences tell them what each score means." validationMessage={problem}>
      <div className={styles.root}>
        <Accordion multiple collapsible className={styles.accordion}>
          {rubric.map((criterion, i) => (
            <AccordionItem key={criterion.key} value={criterion.key} className={styles.item}>
              <AccordionHeader>{criterion.title.trim() ? criterion.title : <span className={styles.untitled}>Criterion {i + 1} (untitled)</span>}</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <Field label="Criterion">
                  <Input value={criterion.title} maxLength={COHORT_LIMITS.criterionTitle} onChange={(_, data) => onChange(criterion.key, { title: data.value })} />
                </Field>
                <div className={styles.anchors}>
                  {criterion.anchors.map((anchor, k) => (
                    <AnchorInput
                      key={k}
                      score={k + 1}
                      value={anchor}
                      criterionTitle={criterion.title || `criterion ${i + 1}`}
                      onChange={(value) => onChange(criterion.key, { anchors: criterion.anchors.map((a, j) => (j === k ? value : a)) })}
                    />
                  ))}
                </div>
                <Button className={styles.remove} appearance="subtle" icon={<DeleteRegular />} onClick={() => onRemove(criterion.key)} disabled={rubric.length <= 1}>
                  Remove this criterion
                </Button>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
        <Button className={styles.add} appearance="secondary" icon={<AddRegular />} onClick={onAdd} disabled={rubric.length >= 12}>
          Add criterion
        </Button>
      </div>
    </Field>
  );
}

function AnchorInput(props: { score: number; value: string; criterionTitle: string; onChange(value: string): void }): ReactElement {
  const styles = useStyles();
  return (
    <>
      <Text className={styles.score} aria-hidden="true">
        Score {props.score}
      </Text>
      <Input
        aria-label={`What a ${props.score} means for ${props.criterionTitle}`}
        value={props.value}
        maxLength={COHORT_LIMITS.anchor}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </>
  );
}
