import { useState } from 'react';
import { messageOf } from '../api';

/**
 * The confirm button of a dialog: runs `act`, closes on success, and on failure keeps the dialog open with the
 * service's sentence. `busy` blocks a second click and closing while the call is under way.
 */
export function useDialogAction(act: () => Promise<void>, onDismiss: () => void): { busy: boolean; error: string | undefined; run(): void; clearError(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = (): void => {
    setBusy(true);
    setError(undefined);
    act()
      .then(onDismiss)
      .catch((failure: unknown) => {
        setError(messageOf(failure));
        setBusy(false);
      });
  };
  return { busy, error, run, clearError: () => setError(undefined) };
}
