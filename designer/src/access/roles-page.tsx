import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessApi } from './access-api-context.js';
import type { RolePermissions, RoleView } from './access-types.js';
import { isMissingRoute, useErrorText } from './error-text.js';
import { useMatrix } from './me-context.js';
import { NotAvailable } from './not-available.js';
import { allows } from './permissions.js';
import { RoleCreateForm } from './role-create-form.js';
import { useRoleLabel } from './role-label.js';
import { RoleMatrix } from './role-matrix.js';
import { useActionError } from './use-action-error.js';

/** Roles and their permission matrix: built-ins to read, custom roles to edit. */
export function RolesPage() {
  const { t } = useTranslation();
  const api = useAccessApi();
  const errorText = useErrorText();
  const manage = allows(useMatrix(), 'roles', 'manage');
  const label = useRoleLabel();
  const [roles, setRoles] = useState<readonly RoleView[] | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ name: string; permissions: RolePermissions } | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useActionError();
  const load = useCallback(
    (select?: string) => {
      api.listRoles().then(
        (page) => {
          setRoles(page.items);
          setLoadError(null);
          const pick = page.items.find((r) => r.key === select) ?? page.items[0];
          setSelected(pick?.key ?? null);
          setDraft(pick ? { name: pick.name, permissions: pick.permissions } : null);
        },
        (e: unknown) => {
          setMissing(isMissingRoute(e));
          setLoadError(errorText(e));
        },
      );
    },
    [api, errorText],
  );
  useEffect(() => load(), [load]);
  if (missing) return <NotAvailable what={t('access.screen.roles')} />;
  if (loadError) return <p className="error">{loadError}</p>;
  if (roles === null) return <p className="muted">{t('app.loading')}</p>;
  const role = roles.find((r) => r.key === selected);
  const pick = (r: RoleView) => {
    setSelected(r.key);
    setDraft({ name: r.name, permissions: r.permissions });
    setSaved(false);
  };
  const readOnly = role === undefined || role.builtIn || !manage;
  return (
    <div className="roles-layout">
      <nav className="role-list" aria-label={t('access.screen.roles')}>
        <ul>
          {roles.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                className={r.key === selected ? 'active' : ''}
                aria-current={r.key === selected ? 'true' : undefined}
                onClick={() => pick(r)}
                data-testid={`role-${r.key}`}
              >
                {r.builtIn ? label(r.key) : r.name}
                {r.builtIn && <span className="muted"> · {t('access.roles.builtIn')}</span>}
              </button>
            </li>
          ))}
        </ul>
        <RoleCreateForm
          roles={roles}
          {...(manage ? {} : { disabledReason: t('access.reason.roles') })}
          onCreated={(key) => load(key)}
        />
      </nav>
      {role && draft && (
        <section className="role-detail" aria-labelledby="role-detail-title">
          <h2 id="role-detail-title">{role.builtIn ? label(role.key) : role.name}</h2>
          {role.builtIn ? (
            <p className="muted" data-testid="role-read-only">
              {t('access.roles.builtInNote')}
            </p>
          ) : (
            !manage && <p className="muted">{t('access.reason.roles')}</p>
          )}
          {!role.builtIn && (
            <label className="role-name">
              {t('access.field.name')}
              <input
                value={draft.name}
                readOnly={readOnly}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                data-testid="role-name"
              />
            </label>
          )}
          <RoleMatrix
            permissions={draft.permissions}
            readOnly={readOnly}
            onChange={(permissions) => {
              setDraft({ ...draft, permissions });
              setSaved(false);
            }}
          />
          {action.view}
          {saved && (
            <p className="success" role="status">
              {t('access.roles.saved')}
            </p>
          )}
          {!readOnly && (
            <div className="panel-actions">
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void action.run(
                    () => api.updateRole(role.key, draft),
                    () => {
                      setSaved(true);
                      load(role.key);
                    },
                  )
                }
                data-testid="role-save"
              >
                {t('access.roles.save')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void action.run(
                    () => api.deleteRole(role.key),
                    () => load(),
                  )
                }
                data-testid="role-delete"
              >
                {t('access.roles.delete')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
