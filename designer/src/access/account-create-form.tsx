import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import type { DirectoryUserOption } from './access-types.js';
import { useErrorText } from './error-text.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './new-password-fields.js';
import { RoleSelect } from './role-select.js';
import type { RoleOption } from './use-role-options.js';

/** A new account: email, name, first password, role and the directory user it is. */
export function AccountCreateForm(p: {
  readonly roles: readonly RoleOption[];
  readonly disabledReason?: string;
  onCreated(): void;
}) {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const [users, setUsers] = useState<readonly DirectoryUserOption[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('manager');
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.listDirectoryUsers().then(
      (u) => live && setUsers(u),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const off = p.disabledReason !== undefined;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.createAccount({
        email: email.trim(),
        password,
        role,
        ...(name.trim() === '' ? {} : { name: name.trim() }),
        ...(userId === '' ? {} : { userId }),
      });
      setEmail('');
      setName('');
      setPassword('');
      setUserId('');
      p.onCreated();
    } catch (e) {
      setError(errorText(e));
    }
    setBusy(false);
  };
  return (
    <form
      className="access-create"
      data-testid="account-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('access.users.create')}</h2>
      {off && <p className="muted">{p.disabledReason}</p>}
      <fieldset disabled={off || busy}>
        <label>
          {t('access.field.email')}
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="account-email"
          />
        </label>
        <label>
          {t('access.field.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="account-name"
          />
        </label>
        <label>
          {t('access.field.firstPassword')}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="account-password"
          />
        </label>
        <label>
          {t('access.field.role')}
          <RoleSelect
            roles={p.roles}
            value={role}
            label={t('access.field.role')}
            onChange={setRole}
            testId="account-role"
          />
        </label>
        <label>
          {t('access.field.directoryUser')}
          <select
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            data-testid="account-user"
          >
            <option value="">{t('access.users.userFromEmail')}</option>
            {users.map((u) => (
              <option key={u.key} value={u.key}>
                {u.email ? `${u.name} (${u.email})` : u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" data-testid="account-submit">
          {t('access.users.createSubmit')}
        </button>
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="account-error">
          {error}
        </p>
      )}
    </form>
  );
}
