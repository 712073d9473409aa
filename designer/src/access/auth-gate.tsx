import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-types.js';
import { useAccessApi } from './access-api-context.js';
import type { MeAnswer } from './access-types.js';
import { onUnauthenticated } from './auth-signal.js';
import { useErrorText } from './error-text.js';
import { MeContext, type MeState } from './me-context.js';
import { matrixOf } from './permissions.js';
import { isSetupPath, setupTokenOf } from './setup-token.js';
import { SetupPage } from './setup-page.js';
import { SignInPage } from './sign-in-page.js';

type GateState =
  | { kind: 'checking' }
  | { kind: 'setup'; token: string | null }
  | { kind: 'signed-out'; reason?: 'setup-required' | 'expired' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; me: MeAnswer };

function initial(): GateState {
  return isSetupPath(window.location.pathname)
    ? { kind: 'setup', token: setupTokenOf(window.location.hash) }
    : { kind: 'checking' };
}

/**
 * Shows the app only to a signed-in caller: the setup page on the server's setup link,
 * sign-in when there is no session or any call answers 401. The page's address (the
 * hash route) is left alone, so after sign-in the user is back where they were.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const [state, setState] = useState<GateState>(initial);
  const load = useCallback(() => {
    api.me().then(
      (me) => setState({ kind: 'signed-in', me }),
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401)
          setState({
            kind: 'signed-out',
            ...(e.code === 'SETUP_REQUIRED' ? { reason: 'setup-required' as const } : {}),
          });
        else setState({ kind: 'failed', message: errorText(e) });
      },
    );
  }, [api, errorText]);
  useEffect(() => {
    if (state.kind === 'checking') load();
  }, [state.kind, load]);
  useEffect(
    () =>
      onUnauthenticated((code) =>
        setState((s) =>
          // After signing out, the requests still in flight answer 401: that is no
          // expired session, so the sign-in page must not say so.
          s.kind === 'setup' || (s.kind === 'signed-out' && code !== 'SETUP_REQUIRED')
            ? s
            : {
                kind: 'signed-out',
                reason: code === 'SETUP_REQUIRED' ? 'setup-required' : 'expired',
              },
        ),
      ),
    [],
  );
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      window.location.hash = '#/';
      setState({ kind: 'signed-out' });
    }
  }, [api]);
  const me = state.kind === 'signed-in' ? state.me : null;
  const value = useMemo<MeState | null>(
    () => (me === null ? null : { me, matrix: matrixOf(me.permissions), signOut }),
    [me, signOut],
  );
  switch (state.kind) {
    case 'checking':
      return <p className="page-message">{t('app.loading')}</p>;
    case 'failed':
      return (
        <div className="page-message" role="alert">
          <p>{t('app.loadFailed', { message: state.message })}</p>
          <button type="button" onClick={() => setState({ kind: 'checking' })}>
            {t('access.retry')}
          </button>
        </div>
      );
    case 'setup':
      return (
        <SetupPage
          token={state.token}
          onDone={() => {
            // Leave the setup address (and its spent token) for the app's first page.
            window.history.replaceState(null, '', '/#/');
            setState({ kind: 'checking' });
          }}
          onSignIn={() => {
            window.history.replaceState(null, '', '/#/');
            setState({ kind: 'signed-out' });
          }}
        />
      );
    case 'signed-out':
      return (
        <SignInPage
          {...(state.reason === undefined ? {} : { reason: state.reason })}
          onSignedIn={() => setState({ kind: 'checking' })}
        />
      );
    case 'signed-in':
      return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
  }
}
