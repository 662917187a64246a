import { useState, type ReactElement } from 'react';
import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { messageOf } from '../../api';
import { Markdown } from '../../components/Markdown';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: { padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface EntryDraft {
  title: string;
  text: string;
}

interface EntryEditorProps {
  /** "Section title" or "Question". */
  titleLabel: string;
  /** "Text" or "Answer". */
  textLabel: string;
  titleMax: number;
  textMax: number;
  initial: EntryDraft;
  onSave(draft: EntryDraft): Promise<void>;
  onCancel(): void;
}

/**
 * Edits one handbook entry as safe markdown, with a preview drawn by the same renderer readers see. The service checks
 * the text again and says what to fix; its sentence is shown under the text.
 */
export function EntryEditor({ titleLabel, textLabel, titleMax, textMax, initial, onSave, onCancel }: EntryEditorProps): ReactElement {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = async (): Promise<void> => {
    setSaving(true);
    setProblem(undefined);
    try {
      await onSave(draft);
    } catch (error) {
      setProblem(messageOf(error));
      setSaving(false);
    }
  };
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={titleLabel} required>
        <Input value={draft.title} maxLength={titleMax} onChange={(_, data) => setDraft({ ...draft, title: data.value })} />
      </Field>
      <Field label={textLabel} required hint="**bold**, *italic*, - lists, [links](https://…). No HTML." validationMessage={problem}>
        <Textarea value={draft.text} resize="vertical" rows={8} maxLength={textMax} onChange={(_, data) => setDraft({ ...draft, text: data.value })} />
      </Field>
      <div className={styles.preview} aria-label="Preview">
        <Markdown source={draft.text} />
      </div>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
