import { useEffect, useRef, type ReactElement } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { COHORT_LIMITS } from '../../../../bot/program/cohorts/api';
import type { DraftTopic } from './cohortDraft';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1, minWidth: 0 },
  add: { alignSelf: 'flex-start' },
});

interface TopicsEditorProps {
  topics: DraftTopic[];
  problem?: string;
  onRename(key: string, title: string): void;
  onRemove(key: string): void;
  onAdd(): void;
}

/** The topics people choose from. A renamed topic keeps its id, so applications that chose it keep pointing at it. */
export function TopicsEditor({ topics, problem, onRename, onRemove, onAdd }: TopicsEditorProps): ReactElement {
  const styles = useStyles();
  const lastInput = useRef<HTMLInputElement>(null);
  const count = useRef(topics.length);

  // After "Add topic" the new, empty row gets the focus, so typing can start at once.
  useEffect(() => {
    if (topics.length > count.current) lastInput.current?.focus();
    count.current = topics.length;
  }, [topics.length]);

  return (
    <Field label="Topics" hint="The areas mentors offer and executives want to learn about." validationMessage={problem}>
      <div className={styles.list}>
        {/* A list holds only its items (the add button follows it), and no list is drawn without any. */}
        {topics.length > 0 ? (
          <div className={styles.list} role="list" aria-label="Topics">
            {topics.map((topic, i) => (
              <div key={topic.key} role="listitem" className={styles.row}>
                <Input
                  className={styles.input}
                  aria-label={`Topic ${i + 1}`}
                  value={topic.title}
                  maxLength={COHORT_LIMITS.topicTitle}
                  ref={i === topics.length - 1 ? lastInput : undefined}
                  onChange={(_, data) => onRename(topic.key, data.value)}
                />
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove topic ${i + 1}${topic.title ? `, ${topic.title}` : ''}`}
                  title="Remove topic"
                  onClick={() => onRemove(topic.key)}
                />
              </div>
            ))}
          </div>
        ) : null}
        <Button className={styles.add} appearance="secondary" icon={<AddRegular />} onClick={onAdd} disabled={topics.length >= 40}>
          Add topic
        </Button>
      </div>
    </Field>
  );
}
