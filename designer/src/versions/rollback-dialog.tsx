import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { DiffList } from './diff-list.js';

/** Confirms a rollback by showing what it changes against the live version. */
export function RollbackDialog(p: {
  version: number;
  entries: readonly ModelDiffEntry[];
  labelOf?: (nodeId: string) => string | undefined;
  before?: AutomationModel;
  after?: AutomationModel;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="rollback-dialog"
      aria-labelledby="rollback-title"
      onCancel={p.onCancel}
      data-testid="rollback-dialog"
    >
      <h2 id="rollback-title">{t('versions.rollbackTitle', { version: p.version })}</h2>
      <p>{t('versions.rollbackExplain', { version: p.version })}</p>
      <DiffList entries={p.entries} labelOf={p.labelOf} before={p.before} after={p.after} />
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          onClick={p.onConfirm}
          data-testid="confirm-rollback"
        >
          {t('versions.confirmRollback', { version: p.version })}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </dialog>
  );
}
