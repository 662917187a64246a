import { useState, type ReactElement } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { messageOf } from '../../api';

export interface Submit {
  busy: boolean;
  error?: string;
  done?: string;
  /** Runs `action`; on success shows `done` (if given) and calls `onChanged`; on failure shows the service's sentence. */
  run(action: () => Promise<unknown>, done?: string): Promise<void>;
}

/** A form's save button on the Outcomes page and My mentoring: one call at a time, its outcome in one sentence. */
export function useSubmit(onChanged: () => void): Submit {
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });
  return {
    ...state,
    async run(action, done) {
      setState({ busy: true });
      try {
        await action();
        setState({ busy: false, done });
        onChanged();
      } catch (error) {
        setState({ busy: false, error: messageOf(error) });
      }
    },
  };
}

/** What became of the last save: the service's sentence, or the success message. */
export function SubmitOutcome({ submit }: { submit: Pick<Submit, 'error' | 'done'> }): ReactElement | null {
  if (submit.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{submit.error}</MessageBarBody>
      </MessageBar>
    );
  }
  return submit.done ? (
    <MessageBar intent="success">
      <MessageBarBody>{submit.done}</MessageBarBody>
    </MessageBar>
  ) : null;
}
