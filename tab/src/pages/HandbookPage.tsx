import { useState, type ReactElement } from 'react';
import { Button, Caption1, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { createHandbookFaq, deleteHandbookFaq, getHandbook, HANDBOOK_LIMITS, updateHandbookFaq, updateHandbookSection } from '../../../bot/program/handbook/api';
import { call, messageOf, type TokenSource } from '../api';
import { cardStyle } from '../components/cardStyles';
import { ErrorNotice } from '../components/ErrorNotice';
import { Markdown } from '../components/Markdown';
import { Page } from '../components/Page';
import { EntryEditor } from './handbook/EntryEditor';
import { signedInToken } from './people/signedInToken';
import { useLoaded } from './people/useLoaded';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { ...cardStyle, gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
  head: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { margin: 0 },
  question: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  faqHeading: { margin: `${tokens.spacingVerticalL} 0 0` },
  add: { alignSelf: 'flex-start' },
});

/** What is being edited: a section, a question, or a new question. */
type Editing = { kind: 'section' | 'faq'; id: string } | { kind: 'newFaq' } | undefined;

interface HandbookPageProps {
  token?: TokenSource;
}

/** The handbook for everyone: the reference sections and the questions people ask. The taskforce edits them here. */
export function HandbookPage({ token = signedInToken }: HandbookPageProps): ReactElement {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing>();
  const [problem, setProblem] = useState<string>();
  const handbook = useLoaded(String(version), (signal) => call(getHandbook, { token, signal }));
  const reload = (): void => {
    setEditing(undefined);
    setVersion((v) => v + 1);
  };
  const value = handbook.value;

  const remove = async (id: string, etag: string): Promise<void> => {
    setProblem(undefined);
    try {
      await call(deleteHandbookFaq, { token, params: { faqId: id }, ifMatch: etag });
      reload();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <Page title="Handbook" description="What the program is, how the year works, and answers to the questions people ask most.">
      {handbook.error ? <ErrorNotice title="The handbook could not be loaded." message={handbook.error} onRetry={handbook.retry} /> : null}
      {!value ? (
        handbook.error ? null : (
          <Spinner label="Loading the handbook…" />
        )
      ) : (
        <div className={styles.sections}>
          {problem ? <ErrorNotice title="That did not work." message={problem} /> : null}
          {value.sections.map((section) => (
            <section key={section.id} className={styles.card} aria-labelledby={`section-${section.id}`} data-testid={`section-${section.id}`}>
              <div className={styles.head}>
                <Title3 as="h2" id={`section-${section.id}`} className={styles.title}>
                  {section.title}
                </Title3>
                {value.canEdit && section.generated ? <Caption1 className={styles.note}>Written from the agenda templates</Caption1> : null}
                {value.canEdit && !section.generated && editing === undefined ? (
                  <Button appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${section.title}`} onClick={() => setEditing({ kind: 'section', id: section.id })}>
                    Edit
                  </Button>
                ) : null}
              </div>
              {editing?.kind === 'section' && editing.id === section.id ? (
                <EntryEditor
                  titleLabel="Section title"
                  textLabel="Text"
                  titleMax={HANDBOOK_LIMITS.sectionTitle}
                  textMax={HANDBOOK_LIMITS.sectionMarkdown}
                  initial={{ title: section.title, text: section.markdown }}
                  onCancel={() => setEditing(undefined)}
                  onSave={async (draft) => {
                    await call(updateHandbookSection, { token, params: { sectionId: section.id }, ifMatch: section.etag, body: { title: draft.title, markdown: draft.text } });
                    reload();
                  }}
                />
              ) : (
                <Markdown source={section.markdown} />
              )}
            </section>
          ))}

          <Title3 as="h2" className={styles.faqHeading} id="faqs">
            Questions people ask
          </Title3>
          {value.faqs.map((faq) => (
            <section key={faq.id} className={styles.card} aria-label={faq.question} data-testid={`faq-${faq.id}`}>
              {editing?.kind === 'faq' && editing.id === faq.id ? (
                <EntryEditor
                  titleLabel="Question"
                  textLabel="Answer"
                  titleMax={HANDBOOK_LIMITS.question}
                  textMax={HANDBOOK_LIMITS.answer}
                  initial={{ title: faq.question, text: faq.answer }}
                  onCancel={() => setEditing(undefined)}
                  onSave={async (draft) => {
                    await call(updateHandbookFaq, { token, params: { faqId: faq.id }, ifMatch: faq.etag, body: { question: draft.title, answer: draft.text } });
                    reload();
                  }}
                />
              ) : (
                <>
                  <div className={styles.head}>
                    <h3 className={styles.question}>{faq.question}</h3>
                    {value.canEdit && editing === undefined ? (
                      <div className={styles.actions}>
                        <Button appearance="subtle" icon={<EditRegular />} aria-label={`Edit the question ${faq.question}`} onClick={() => setEditing({ kind: 'faq', id: faq.id })}>
                          Edit
                        </Button>
                        <Button appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove the question ${faq.question}`} onClick={() => void remove(faq.id, faq.etag)}>
                          Remove
                        </Button>
                      </div>
                    ) : null}
                  </div>
                  <Markdown source={faq.answer} />
                </>
              )}
            </section>
          ))}
          {value.canEdit && editing?.kind === 'newFaq' ? (
            <section className={styles.card} aria-label="New question">
              <EntryEditor
                titleLabel="Question"
                textLabel="Answer"
                titleMax={HANDBOOK_LIMITS.question}
                textMax={HANDBOOK_LIMITS.answer}
                initial={{ title: '', text: '' }}
                onCancel={() => setEditing(undefined)}
                onSave={async (draft) => {
                  await call(createHandbookFaq, { token, body: { question: draft.title, answer: draft.text } });
                  reload();
                }}
              />
            </section>
          ) : null}
          {value.canEdit && editing === undefined ? (
            <Button className={styles.add} icon={<AddRegular />} onClick={() => setEditing({ kind: 'newFaq' })}>
              Add a question
            </Button>
          ) : null}
        </div>
      )}
    </Page>
  );
}
