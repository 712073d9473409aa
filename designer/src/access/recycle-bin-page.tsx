import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmProvider, useConfirm } from '../dialogs/confirm-context.js';
import { useFormat } from '../i18n/use-format.js';
import { useAccessApi } from './access-api-context.js';
import { MATRIX_ENTITIES } from './access-types.js';
import { describeActor } from './describe-actor.js';
import { ListFooter } from './list-footer.js';
import { useMatrix } from './me-context.js';
import { NotAvailable } from './not-available.js';
import { allows } from './permissions.js';
import { useActionError } from './use-action-error.js';
import { usePagedList } from './use-paged-list.js';

/** Deleted records until their retention ends: restore, or purge for good. */
export function RecycleBinPage() {
  return (
    <ConfirmProvider>
      <RecycleBin />
    </ConfirmProvider>
  );
}

function RecycleBin() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useAccessApi();
  const confirm = useConfirm();
  const matrix = useMatrix();
  const canRestore = allows(matrix, 'recycleBin', 'restore');
  const canPurge = allows(matrix, 'recycleBin', 'purge');
  const [entity, setEntity] = useState('');
  const list = usePagedList(
    useCallback((c?: string) => api.listRecycleBin(entity, c), [api, entity]),
  );
  const action = useActionError();
  if (list.missing) return <NotAvailable what={t('access.screen.recycle-bin')} />;
  return (
    <>
      <label className="inline-filter">
        {t('access.audit.entity')}
        <select value={entity} onChange={(e) => setEntity(e.target.value)} data-testid="bin-entity">
          <option value="">{t('access.audit.any')}</option>
          {MATRIX_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`access.entity.${e}`)}
            </option>
          ))}
        </select>
      </label>
      {!canRestore && (
        <p className="muted" data-testid="bin-read-only">
          {t('access.reason.restore')}
        </p>
      )}
      {action.view}
      <table className="model-table access-table" data-testid="bin-list">
        <thead>
          <tr>
            <th scope="col">{t('access.bin.title')}</th>
            <th scope="col">{t('access.audit.entity')}</th>
            <th scope="col">{t('access.bin.deletedAt')}</th>
            <th scope="col">{t('access.bin.deletedBy')}</th>
            <th scope="col">{t('access.bin.purgeAfter')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('access.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((item) => (
            <tr key={item.key} data-testid={`bin-${item.key}`}>
              <td data-user-text>{item.title}</td>
              <td>{t(`access.entity.${item.entity}`)}</td>
              <td className="num">{f.dateTime(item.deletedAt)}</td>
              <td data-user-text title={describeActor(t, item.deletedBy).title}>
                {describeActor(t, item.deletedBy).text}
              </td>
              <td className="num">{f.dateTime(item.purgeAfter)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  disabled={!canRestore}
                  title={canRestore ? undefined : t('access.reason.restore')}
                  onClick={() => void action.run(() => api.restore(item), list.reload)}
                  data-testid={`restore-${item.key}`}
                >
                  {t('access.bin.restore')}
                </button>
                {canPurge && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() =>
                      confirm({
                        title: t('access.bin.purgeTitle'),
                        message: t('access.bin.purgeMessage', { title: item.title }),
                        confirmLabel: t('access.bin.purge'),
                        run: () => action.run(() => api.purge(item), list.reload),
                      })
                    }
                    data-testid={`purge-${item.key}`}
                  >
                    {t('access.bin.purge')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter list={list} />
    </>
  );
}
