import { useState, type ReactNode } from 'react';
import { useErrorText } from './error-text.js';

/**
 * Runs a button's call and keeps its failure on screen (a refused revoke, a 403), so
 * no action fails silently.
 *
 * @example const action = useActionError(); action.run(() => api.revokeToken(id), reload);
 */
export function useActionError(): {
  readonly view: ReactNode;
  run(call: () => Promise<unknown>, then?: () => void): Promise<void>;
} {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  return {
    view: error && (
      <p className="error" role="alert" data-testid="action-error">
        {error}
      </p>
    ),
    run: async (call, then) => {
      setError(null);
      try {
        await call();
        then?.();
      } catch (e) {
        setError(errorText(e));
      }
    },
  };
}
