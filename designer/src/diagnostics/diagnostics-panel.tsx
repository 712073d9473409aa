import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../schemas/index.js';
import { renderDiagnostic } from './render-diagnostic.js';

/** The analyzer's findings; clicking one with a node selects and centres it. */
export function DiagnosticsPanel({
  diagnostics,
  onPick,
}: {
  diagnostics: readonly Diagnostic[];
  onPick: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.filter((d) => d.severity === 'info').length;
  return (
    <section className="diagnostics" data-testid="diagnostics">
      <h3>
        {t('diagnostics.title')}{' '}
        <span className="muted" data-testid="diagnostics-counts">
          {t('diagnostics.counts', { errors, warnings, infos })}
        </span>
      </h3>
      {diagnostics.length === 0 ? (
        <p className="muted">{t('diagnostics.none')}</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i} className={`diag diag-${d.severity}`}>
              <button
                type="button"
                disabled={!d.nodeId}
                onClick={() => d.nodeId && onPick(d.nodeId)}
                title={d.path}
              >
                <span className="diag-code">{d.code}</span>{' '}
                <span className="diag-message">{renderDiagnostic(t, d)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
