import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import { useErrorText } from './error-text.js';
import { NewPasswordFields, PASSWORD_MIN } from './new-password-fields.js';

/** Change one's own password; the runtime ends one's other sessions. */
export function PasswordPage() {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    if (password !== repeat) {
      setResult({ ok: false, text: t('access.password.mismatch') });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      await api.changePassword(current, password);
      setCurrent('');
      setPassword('');
      setRepeat('');
      setResult({ ok: true, text: t('access.password.changed') });
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    }
    setBusy(false);
  };
  return (
    <form
      className="auth-form access-form"
      data-testid="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('access.field.currentPassword')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          data-testid="password-current"
        />
      </label>
      <NewPasswordFields
        password={password}
        repeat={repeat}
        onPassword={setPassword}
        onRepeat={setRepeat}
        testId="password-new"
      />
      {result && (
        <p
          className={result.ok ? 'success' : 'error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="password-result"
        >
          {result.text}
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={busy || password.length < PASSWORD_MIN}
        data-testid="password-submit"
      >
        {t('access.password.submit')}
      </button>
    </form>
  );
}
