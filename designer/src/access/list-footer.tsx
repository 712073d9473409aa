import { useTranslation } from 'react-i18next';
import type { PagedList } from './use-paged-list.js';

/**
 * "Load more" under a paged list, and the state of the last load. `showEmpty: false`
 * when the list says "empty" in its own words.
 */
export function ListFooter({
  list,
  showEmpty = true,
}: {
  list: PagedList<unknown>;
  showEmpty?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="list-footer">
      {list.loading && <span className="muted">{t('app.loading')}</span>}
      {showEmpty && list.items !== null && list.items.length === 0 && !list.loading && (
        <span className="muted" data-testid="list-empty">
          {t('access.list.empty')}
        </span>
      )}
      {list.hasMore && !list.loading && (
        <button type="button" onClick={list.more} data-testid="load-more">
          {t('access.list.more')}
        </button>
      )}
      {list.error !== null && !list.missing && (
        <p className="error" role="alert">
          {list.error}
        </p>
      )}
    </div>
  );
}
