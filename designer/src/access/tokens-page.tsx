import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.js';
import { useAccessApi } from './access-api-context.js';
import type { CreatedToken } from './access-types.js';
import { useErrorText } from './error-text.js';
import { ListFooter } from './list-footer.js';
import { useMatrix } from './me-context.js';
import { NotAvailable } from './not-available.js';
import { allows } from './permissions.js';
import { useRoleLabel } from './role-label.js';
import { RoleSelect } from './role-select.js';
import { TokenCreated } from './token-created.js';
import { useActionError } from './use-action-error.js';
import { usePagedList } from './use-paged-list.js';
import { roleNames, useRoleOptions } from './use-role-options.js';

/** API tokens for scripts and integrations: create (shown once), last use, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useAccessApi();
  const errorText = useErrorText();
  const own = allows(useMatrix(), 'tokens', 'own');
  const reason = own ? undefined : t('access.reason.tokens');
  const roles = useRoleOptions();
  const label = useRoleLabel(useMemo(() => roleNames(roles), [roles]));
  const list = usePagedList(useCallback((c?: string) => api.listTokens(c), [api]));
  const action = useActionError();
  const [name, setName] = useState('');
  const [role, setRole] = useState('integrator');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (list.missing) return <NotAvailable what={t('access.screen.tokens')} />;
  const create = async () => {
    setError(null);
    try {
      setCreated(await api.createToken(name.trim(), role));
      setName('');
      list.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      {created && (
        <TokenCreated name={created.name} token={created.token} onDone={() => setCreated(null)} />
      )}
      <form
        className="access-create inline"
        data-testid="token-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{t('access.tokens.create')}</h2>
        {reason && <p className="muted">{reason}</p>}
        <fieldset disabled={!own}>
          <label>
            {t('access.field.tokenName')}
            <input
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="token-name"
            />
          </label>
          <label>
            {t('access.field.role')}
            <RoleSelect
              roles={roles}
              value={role}
              label={t('access.field.role')}
              onChange={setRole}
              testId="token-role"
            />
          </label>
          <button type="submit" className="primary" data-testid="token-submit">
            {t('access.tokens.createSubmit')}
          </button>
        </fieldset>
        {error && (
          <p className="error" role="alert" data-testid="token-error">
            {error}
          </p>
        )}
      </form>
      {action.view}
      <table className="model-table access-table" data-testid="token-list">
        <thead>
          <tr>
            <th scope="col">{t('access.field.tokenName')}</th>
            <th scope="col">{t('access.field.role')}</th>
            <th scope="col">{t('access.col.created')}</th>
            <th scope="col">{t('access.col.lastUsed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('access.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((tk) => (
            <tr key={tk.id} data-testid={`token-${tk.name}`}>
              <td data-user-text>{tk.name}</td>
              <td>{label(tk.role)}</td>
              <td className="num">{f.dateTime(tk.createdAt)}</td>
              <td className="num">
                {tk.lastUsedAt ? f.dateTime(tk.lastUsedAt) : t('access.tokens.neverUsed')}
              </td>
              <td>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void action.run(() => api.revokeToken(tk.id), list.reload)}
                  data-testid={`revoke-token-${tk.name}`}
                >
                  {t('access.tokens.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter list={list} />
    </>
  );
}
