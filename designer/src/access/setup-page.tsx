import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import { AuthCard } from './auth-card.js';
import { useErrorText } from './error-text.js';
import { NewPasswordFields, PASSWORD_MIN } from './new-password-fields.js';

export interface SetupPageProps {
  /** From the link's fragment; `null` when the link was cut short. */
  readonly token: string | null;
  /** The owner exists and this browser is signed in as them. */
  onDone(): void;
  /** Go to sign-in (the owner exists already). */
  onSignIn(): void;
}

/** Creates the owner account from the setup link the server printed, then signs in. */
export function SetupPage({ token, onDone, onSignIn }: SetupPageProps) {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.setupNeeded().then(
      (n) => live && setNeeded(n),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [api, errorText]);
  const submit = async () => {
    if (token === null) return;
    if (password !== repeat) {
      setError(t('access.password.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.setup({ token, email: email.trim(), password, name: name.trim() });
      onDone();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  if (needed === false)
    return (
      <AuthCard title={t('access.setup.title')}>
        <p data-testid="setup-done">{t('access.setup.done')}</p>
        <button type="button" className="primary" onClick={onSignIn}>
          {t('access.signIn.title')}
        </button>
      </AuthCard>
    );
  return (
    <AuthCard title={t('access.setup.title')}>
      <p className="muted">{t('access.setup.intro')}</p>
      {token === null && (
        <p className="error" role="alert" data-testid="setup-no-token">
          {t('access.setup.noToken')}
        </p>
      )}
      <form
        className="auth-form"
        data-testid="setup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('access.field.name')}
          <input
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="setup-name"
          />
        </label>
        <label>
          {t('access.field.email')}
          <input
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="setup-email"
          />
        </label>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          testId="setup"
        />
        {error && (
          <p className="error" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={busy || token === null || needed === null || password.length < PASSWORD_MIN}
          data-testid="setup-submit"
        >
          {t('access.setup.submit')}
        </button>
      </form>
    </AuthCard>
  );
}
