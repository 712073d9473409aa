import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import type { RoleView } from './access-types.js';
import { useErrorText } from './error-text.js';
import { useRoleLabel } from './role-label.js';

const KEY_PATTERN = '[a-z][a-z0-9_\\-]{0,63}';

/** A custom role, starting as a copy of another role's rights. */
export function RoleCreateForm(p: {
  readonly roles: readonly RoleView[];
  readonly disabledReason?: string;
  onCreated(key: string): void;
}) {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const label = useRoleLabel();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [from, setFrom] = useState(p.roles.find((r) => r.key === 'viewer')?.key ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const source = p.roles.find((r) => r.key === from) ?? p.roles[0];
    if (!source) return;
    setError(null);
    try {
      const created = await api.createRole({
        key: key.trim(),
        name: name.trim(),
        permissions: source.permissions,
      });
      setKey('');
      setName('');
      p.onCreated(created.key);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="access-create"
      data-testid="role-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('access.roles.create')}</h2>
      {p.disabledReason && <p className="muted">{p.disabledReason}</p>}
      <fieldset disabled={p.disabledReason !== undefined}>
        <label>
          {t('access.field.roleKey')}
          <input
            required
            pattern={KEY_PATTERN}
            title={t('access.roles.keyRule')}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            data-testid="role-new-key"
          />
        </label>
        <label>
          {t('access.field.name')}
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="role-new-name"
          />
        </label>
        <label>
          {t('access.roles.copyFrom')}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {p.roles.map((r) => (
              <option key={r.key} value={r.key}>
                {r.builtIn ? label(r.key) : r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" data-testid="role-new-submit">
          {t('access.roles.createSubmit')}
        </button>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
