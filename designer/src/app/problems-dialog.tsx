import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../schemas/index.js';
import { renderDiagnostic } from '../diagnostics/render-diagnostic.js';

/** A modal listing why something was refused (import, publish). */
export function ProblemsDialog({
  title,
  diagnostics,
  onClose,
}: {
  title: string;
  diagnostics: readonly Diagnostic[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" data-testid="problems-dialog">
      <div className="dialog">
        <h3>{title}</h3>
        <ul>
          {diagnostics.slice(0, 50).map((d, i) => (
            <li key={i}>
              <code>{d.path || '/'}</code> {renderDiagnostic(t, d)}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose} data-testid="dialog-close">
          {t('io.close')}
        </button>
      </div>
    </div>
  );
}
