import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.js';
import { useAccessApi } from './access-api-context.js';
import { ListFooter } from './list-footer.js';
import { NotAvailable } from './not-available.js';
import { useActionError } from './use-action-error.js';
import { usePagedList } from './use-paged-list.js';

/** One's own signed-in sessions; any but this one can be ended. */
export function SessionsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useAccessApi();
  const list = usePagedList(useCallback((c?: string) => api.listSessions(c), [api]));
  const action = useActionError();
  if (list.missing) return <NotAvailable what={t('access.screen.sessions')} />;
  return (
    <>
      {action.view}
      <table className="model-table access-table" data-testid="session-list">
        <thead>
          <tr>
            <th scope="col">{t('access.col.signedIn')}</th>
            <th scope="col">{t('access.col.lastSeen')}</th>
            <th scope="col">{t('access.col.expires')}</th>
            <th scope="col">{t('access.col.address')}</th>
            <th scope="col">{t('access.col.browser')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('access.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((s) => (
            <tr key={s.id} data-testid={`session-${s.id}`}>
              <td className="num">{f.dateTime(s.createdAt)}</td>
              <td className="num">{f.dateTime(s.lastSeenAt)}</td>
              <td className="num">{f.dateTime(s.expiresAt)}</td>
              <td data-user-text>{s.address ?? ''}</td>
              <td data-user-text className="user-agent" title={s.userAgent}>
                {s.userAgent ?? ''}
              </td>
              <td>
                {s.current ? (
                  <span className="status-badge status-current">
                    {t('access.sessions.current')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => void action.run(() => api.revokeSession(s.id), list.reload)}
                    data-testid={`revoke-session-${s.id}`}
                  >
                    {t('access.sessions.revoke')}
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
