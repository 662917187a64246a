import type { ReactElement } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface ErrorNoticeProps {
  title: string;
  message: string;
  onRetry?: () => void;
  intent?: 'error' | 'warning' | 'info';
}

export function ErrorNotice({ title, message, onRetry, intent = 'error' }: ErrorNoticeProps): ReactElement {
  return (
    <MessageBar intent={intent} layout="multiline" politeness={intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            Try again
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
