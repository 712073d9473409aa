import { useTranslation } from 'react-i18next';

/** Says what was just removed and offers to take it back. */
export function UndoToast(p: { message: string; onUndo(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <span>{p.message}</span>
      <button type="button" className="primary" onClick={p.onUndo} data-testid="undo-toast-undo">
        {t('dialog.undo')}
      </button>
      <button type="button" aria-label={t('dialog.close')} onClick={p.onClose}>
        ×
      </button>
    </div>
  );
}
