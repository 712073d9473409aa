import { useTranslation } from 'react-i18next';

/** A screen whose runtime route is missing (an older or partial runtime answers 404). */
export function NotAvailable({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <div className="not-available" role="status" data-testid="not-available">
      <p>
        <strong>{t('access.notAvailable.title', { what })}</strong>
      </p>
      <p className="muted">{t('access.notAvailable.body')}</p>
    </div>
  );
}
