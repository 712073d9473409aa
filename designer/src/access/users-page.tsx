import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import { AccountCreateForm } from './account-create-form.js';
import { ListFooter } from './list-footer.js';
import { useMatrix, useMe } from './me-context.js';
import { NotAvailable } from './not-available.js';
import { allows } from './permissions.js';
import { RoleSelect } from './role-select.js';
import { useActionError } from './use-action-error.js';
import { usePagedList } from './use-paged-list.js';
import { useRoleOptions } from './use-role-options.js';

/** Accounts: who signs in, with which role, as which directory user; (de)activate. */
export function UsersPage() {
  const { t } = useTranslation();
  const api = useAccessApi();
  const me = useMe();
  const manage = allows(useMatrix(), 'accounts', 'manage');
  const reason = manage ? undefined : t('access.reason.accounts');
  const roles = useRoleOptions();
  const list = usePagedList(useCallback((c?: string) => api.listAccounts(c), [api]));
  const action = useActionError();
  if (list.missing) return <NotAvailable what={t('access.screen.users')} />;
  return (
    <>
      {action.view}
      <table className="model-table access-table" data-testid="account-list">
        <thead>
          <tr>
            <th scope="col">{t('access.field.name')}</th>
            <th scope="col">{t('access.field.email')}</th>
            <th scope="col">{t('access.field.role')}</th>
            <th scope="col">{t('access.field.directoryUser')}</th>
            <th scope="col">{t('access.col.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('access.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((a) => {
            const self = me?.me.account.id === a.id;
            return (
              <tr
                key={a.id}
                data-testid={`account-${a.email}`}
                className={a.active ? '' : 'inactive'}
              >
                <td data-user-text>{a.name}</td>
                <td data-user-text>{a.email}</td>
                <td>
                  <RoleSelect
                    roles={roles}
                    value={a.role}
                    label={t('access.users.roleOf', { name: a.name })}
                    disabled={!manage || self}
                    title={self ? t('access.reason.self') : reason}
                    onChange={(role) =>
                      void action.run(() => api.updateAccount(a.id, { role }), list.reload)
                    }
                  />
                </td>
                <td data-user-text>{a.userId}</td>
                <td>{a.active ? t('access.users.active') : t('access.users.inactive')}</td>
                <td>
                  <button
                    type="button"
                    className={a.active ? 'danger' : ''}
                    disabled={!manage || self}
                    title={self ? t('access.reason.self') : reason}
                    onClick={() =>
                      void action.run(
                        () => api.updateAccount(a.id, { active: !a.active }),
                        list.reload,
                      )
                    }
                    data-testid={`account-toggle-${a.email}`}
                  >
                    {a.active ? t('access.users.deactivate') : t('access.users.activate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ListFooter list={list} />
      <AccountCreateForm
        roles={roles}
        {...(reason === undefined ? {} : { disabledReason: reason })}
        onCreated={list.reload}
      />
    </>
  );
}
