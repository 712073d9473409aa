import { useTranslation } from 'react-i18next';
import type { ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { useFormat } from '../i18n/use-format.js';
import { DiffList } from '../versions/diff-list.js';
import type { LocalBackup } from './local-backup.js';

export interface ConflictBannerProps {
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** The comparison with the other change, when shown. */
  readonly comparing: {
    entries: readonly ModelDiffEntry[];
    labelOf: (id: string) => string | undefined;
  } | null;
  onReload(): void;
  onCompare(): void;
  onOverwrite(): void;
}

/** Someone else saved this draft: who and when, and the three ways on. */
export function ConflictBanner(p: ConflictBannerProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="draft-banner draft-conflict" role="alert" data-testid="conflict-banner">
      <p>
        {t('draft.conflict', {
          who: p.updatedBy,
          when: p.updatedAt ? f.dateTime(p.updatedAt) : '?',
        })}
      </p>
      <div className="panel-actions">
        <button type="button" onClick={p.onReload} data-testid="conflict-reload">
          {t('draft.reload')}
        </button>
        <button
          type="button"
          className={p.comparing ? 'active' : ''}
          aria-pressed={p.comparing !== null}
          onClick={p.onCompare}
          data-testid="conflict-compare"
        >
          {t('draft.compare')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={p.onOverwrite}
          data-testid="conflict-overwrite"
        >
          {t('draft.overwrite')}
        </button>
      </div>
      {p.comparing && (
        <>
          <p className="muted">{t('draft.compareExplain')}</p>
          <DiffList entries={p.comparing.entries} labelOf={p.comparing.labelOf} />
        </>
      )}
    </section>
  );
}

/** A draft kept in this browser that the runtime does not have: restore or drop it. */
export function RestoreBanner(p: { backup: LocalBackup; onRestore(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="draft-banner" role="status" data-testid="restore-banner">
      <p>{t('draft.backupFound', { when: f.dateTime(p.backup.savedAt) })}</p>
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          onClick={p.onRestore}
          data-testid="restore-backup"
        >
          {t('draft.restore')}
        </button>
        <button type="button" onClick={p.onDiscard} data-testid="discard-backup">
          {t('draft.discardBackup')}
        </button>
      </div>
    </section>
  );
}
