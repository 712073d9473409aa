import { useTranslation } from 'react-i18next';
import {
  AUTOMATION_RIGHTS,
  ENTITY_ACTIONS,
  MATRIX_ENTITIES,
  OTHER_LEVELS,
  SCOPES,
  type EntityPermissions,
  type OtherPermission,
  type RolePermissions,
  type Scope,
} from './access-types.js';

const NO_RIGHTS: EntityPermissions = {
  read: 'none',
  create: 'none',
  update: 'none',
  delete: 'none',
  export: 'none',
  import: 'none',
};

/**
 * The permission matrix as a table: entities by actions with a scope each, the
 * automation rights as checkboxes, and the other permissions' levels. Read-only for
 * built-in roles.
 */
export function RoleMatrix(p: {
  readonly permissions: RolePermissions;
  readonly readOnly: boolean;
  onChange(next: RolePermissions): void;
}) {
  const { t } = useTranslation();
  const perms = p.permissions;
  const setScope = (entity: (typeof MATRIX_ENTITIES)[number], action: string, scope: Scope) =>
    p.onChange({
      ...perms,
      entities: {
        ...perms.entities,
        [entity]: { ...NO_RIGHTS, ...perms.entities[entity], [action]: scope },
      },
    });
  return (
    <div className="role-matrix" data-testid="role-matrix">
      <table className="model-table matrix-table">
        <caption>{t('access.roles.records')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('access.roles.entity')}</th>
            {ENTITY_ACTIONS.map((a) => (
              <th key={a} scope="col">
                {t(`access.action.${a}`)}
              </th>
            ))}
            <th scope="col">{t('access.roles.stages')}</th>
          </tr>
        </thead>
        <tbody>
          {MATRIX_ENTITIES.map((e) => {
            const row = perms.entities[e] ?? NO_RIGHTS;
            return (
              <tr key={e}>
                <th scope="row">{t(`access.entity.${e}`)}</th>
                {ENTITY_ACTIONS.map((a) => (
                  <td key={a}>
                    {p.readOnly ? (
                      // Plain text reads better than a disabled select (built-in roles).
                      <span
                        className={`scope-text scope-${row[a]}`}
                        data-testid={`matrix-${e}-${a}`}
                      >
                        {t(`access.scope.${row[a]}`)}
                      </span>
                    ) : (
                      <select
                        aria-label={`${t(`access.entity.${e}`)}: ${t(`access.action.${a}`)}`}
                        value={row[a]}
                        className={`scope-${row[a]}`}
                        onChange={(ev) => setScope(e, a, ev.target.value as Scope)}
                        data-testid={`matrix-${e}-${a}`}
                      >
                        {SCOPES.map((s) => (
                          <option key={s} value={s}>
                            {t(`access.scope.${s}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                ))}
                <td className="muted">
                  {row.stages === undefined
                    ? t('access.roles.allStages')
                    : Object.entries(row.stages)
                        .map(([pipeline, stages]) => `${pipeline}: ${stages.join(', ')}`)
                        .join('; ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset className="matrix-group" disabled={p.readOnly}>
        <legend>{t('access.roles.automations')}</legend>
        {AUTOMATION_RIGHTS.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={perms.automations[r]}
              onChange={(ev) =>
                p.onChange({
                  ...perms,
                  automations: { ...perms.automations, [r]: ev.target.checked },
                })
              }
              data-testid={`matrix-automations-${r}`}
            />
            {t(`access.automation.${r}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="matrix-group" disabled={p.readOnly}>
        <legend>{t('access.roles.other')}</legend>
        {(Object.keys(OTHER_LEVELS) as OtherPermission[]).map((k) =>
          p.readOnly ? (
            <div key={k} className="other-right">
              <span className="other-name">{t(`access.other.${k}`)}</span>
              <span className={`scope-text scope-${perms[k]}`} data-testid={`matrix-${k}`}>
                {t(`access.level.${perms[k]}`)}
              </span>
            </div>
          ) : (
            <label key={k}>
              {t(`access.other.${k}`)}
              <select
                value={perms[k]}
                onChange={(ev) => p.onChange({ ...perms, [k]: ev.target.value })}
                data-testid={`matrix-${k}`}
              >
                {OTHER_LEVELS[k].map((level) => (
                  <option key={level} value={level}>
                    {t(`access.level.${level}`)}
                  </option>
                ))}
              </select>
            </label>
          ),
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={perms.hookSecrets}
            onChange={(ev) => p.onChange({ ...perms, hookSecrets: ev.target.checked })}
            data-testid="matrix-hookSecrets"
          />
          {t('access.other.hookSecrets')}
        </label>
      </fieldset>
    </div>
  );
}
