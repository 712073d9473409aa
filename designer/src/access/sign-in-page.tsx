import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import { AuthCard } from './auth-card.js';
import { useErrorText } from './error-text.js';

export interface SignInPageProps {
  /** Why sign-in shows: the owner is still to be created, or a session ended. */
  readonly reason?: 'setup-required' | 'expired';
  onSignedIn(): void;
}

/** Email and password; a wrong pair says so without telling which one was wrong. */
export function SignInPage({ reason, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.signIn(email.trim(), password);
      onSignedIn();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <AuthCard title={t('access.signIn.title')}>
      {reason === 'setup-required' && (
        <p className="auth-note" data-testid="setup-required">
          {t('access.signIn.setupRequired')}
        </p>
      )}
      {reason === 'expired' && <p className="auth-note">{t('access.signIn.expired')}</p>}
      <form
        className="auth-form"
        data-testid="sign-in-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('access.field.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="sign-in-email"
          />
        </label>
        <label>
          {t('access.field.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
          {t('access.signIn.submit')}
        </button>
      </form>
    </AuthCard>
  );
}
