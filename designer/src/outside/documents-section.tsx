import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../access/list-footer.js';
import { usePagedList } from '../access/use-paged-list.js';
import { useFormat } from '../i18n/use-format.js';
import { useOutsideApi } from './outside-api-context.js';

/** The documents register, page by page, each with its download link. */
export function DocumentsSection() {
  const api = useOutsideApi();
  const { t } = useTranslation();
  const format = useFormat();
  const list = usePagedList(useCallback((c?: string) => api.documents(c), [api]));
  const docs = list.items ?? [];
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">{t('outside.documents')}</h2>
      {docs.length === 0 ? (
        <p>{list.items === null ? t('app.loading') : t('outside.noDocuments')}</p>
      ) : (
        <table className="outside-table" data-testid="documents">
          <thead>
            <tr>
              <th scope="col">{t('outside.docTitle')}</th>
              <th scope="col">{t('outside.register')}</th>
              <th scope="col">{t('outside.record')}</th>
              <th scope="col">{t('outside.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('outside.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td data-user-text>{d.title}</td>
                <td>{d.register}</td>
                <td title={d.recordId} data-user-text>
                  {d.recordTitle ?? d.recordId}
                </td>
                <td className="num">{format.dateTime(d.createdAt)}</td>
                <td>
                  <a href={api.documentUrl(d.id)} download>
                    {t('outside.downloadOne', { title: d.title })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter list={list} showEmpty={false} />
    </section>
  );
}
