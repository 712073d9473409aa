import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../../schemas/index.js';
import { useState } from 'react';
import { groupNotes } from './group-notes.js';
import { maxPanelHeight, ResizeHandle } from '../app/resize-handle.js';
import { usePanelHeight } from '../app/use-panel-height.js';
import { renderDiagnostic } from './render-diagnostic.js';

/**
 * The analyzer's findings; clicking one with a node selects and centres it (and the
 * inspector focuses the field its path points at). `nodeOf` finds the node of a
 * finding that names only a path (schema errors).
 */
export function DiagnosticsPanel({
  diagnostics,
  onPick,
  nodeOf = () => undefined,
}: {
  diagnostics: readonly Diagnostic[];
  onPick: (nodeId: string, path: string) => void;
  nodeOf?: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.filter((d) => d.severity === 'info').length;
  const [open, setOpen] = useState(true);
  const [height, setHeight] = usePanelHeight('conveyor.problemsHeight', 0);
  return (
    <section className="diagnostics" data-testid="diagnostics">
      {open && (
        <ResizeHandle
          height={height}
          min={60}
          max={() => maxPanelHeight('problems-list')}
          onResize={setHeight}
          controls="problems-list"
        />
      )}
      <h3>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls="problems-list"
          title={t(open ? 'diagnostics.collapse' : 'diagnostics.expand')}
          onClick={() => setOpen((o) => !o)}
          data-testid="diagnostics-toggle"
        >
          {open ? '▾' : '▸'} {t('diagnostics.title')}
        </button>{' '}
        <span className="muted" data-testid="diagnostics-counts">
          {t('diagnostics.counts', { errors, warnings, infos })}
        </span>
      </h3>
      <div
        id="problems-list"
        className="problems-list"
        hidden={!open}
        style={height ? { height } : undefined}
      >
        {diagnostics.length === 0 ? (
          <p className="muted">{t('diagnostics.none')}</p>
        ) : (
          <ul>
            {groupNotes(diagnostics).map((g, i) =>
              g.length === 1 ? (
                <DiagnosticRow key={i} d={g[0] as Diagnostic} onPick={onPick} nodeOf={nodeOf} />
              ) : (
                // Several notes of one kind (stages people move) stay folded: they do not block.
                <li key={i} className="diag diag-info diag-group">
                  <details data-testid="diagnostics-group">
                    <summary>
                      {t('diagnostics.grouped', { count: g.length, code: g[0]?.code ?? '' })}
                    </summary>
                    <ul>
                      {g.map((d, j) => (
                        <DiagnosticRow key={j} d={d} onPick={onPick} nodeOf={nodeOf} />
                      ))}
                    </ul>
                  </details>
                </li>
              ),
            )}
          </ul>
        )}
      </div>
    </section>
  );
}

function DiagnosticRow({
  d,
  onPick,
  nodeOf,
}: {
  d: Diagnostic;
  onPick: (nodeId: string, path: string) => void;
  nodeOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const nodeId = d.nodeId ?? nodeOf(d.path);
  return (
    <li className={`diag diag-${d.severity}`}>
      <button
        type="button"
        disabled={!nodeId}
        onClick={() => nodeId && onPick(nodeId, d.path)}
        title={d.path}
      >
        <span className="diag-code">{d.code}</span>{' '}
        <span className="diag-message">{renderDiagnostic(t, d)}</span>
      </button>
    </li>
  );
}
