import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's own confirmation (never the browser's `confirm`): a modal `<dialog>`
 * named by its title, focus on the cancel button, Escape cancels.
 */
export function ConfirmDialog(p: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    // jsdom has no showModal; the dialog is still in the page.
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id={`${id}-title`}>{p.title}</h2>
      <p id={`${id}-message`} className="confirm-message">
        {p.message}
      </p>
      <div className="panel-actions">
        <button type="button" className="danger" onClick={p.onConfirm} data-testid="confirm-yes">
          {p.confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={p.onCancel} data-testid="confirm-no">
          {t('dialog.cancel')}
        </button>
      </div>
    </dialog>
  );
}
