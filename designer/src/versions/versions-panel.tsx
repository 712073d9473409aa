import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import { diffModels, type ModelDiffEntry } from '../../../schemas/diff/diff-models.js';
import { useExtraApi } from '../api/extra-api-context.js';
import type { VersionSummary } from '../api/extra-api.js';
import { useFormat } from '../i18n/use-format.js';
import type { CanvasOverlay } from './canvas-overlay.js';
import { DiffList } from './diff-list.js';
import { diffMarks } from './diff-marks.js';
import { nodeLabel } from './node-label.js';
import { RollbackDialog } from './rollback-dialog.js';
import { useConfirm } from '../dialogs/confirm-context.js';
import { useMatrix } from '../access/me-context.js';
import { allowsAutomation } from '../access/permissions.js';

/** `'draft'` or a published version number. */
type Side = 'draft' | number;

export interface VersionsPanelProps {
  readonly modelId: string;
  readonly draft: AutomationModel;
  /** Flushes autosave so the server's draft is the one on screen. */
  readonly flush: () => Promise<void>;
  readonly onOverlay: (overlay: CanvasOverlay | null) => void;
  /** The server replaced the draft (rollback, discard): show it, with its new ETag. */
  readonly onReplaced: (model: AutomationModel, etag?: string) => void;
  /** A rollback published `version` as a copy of `from`. */
  readonly onRolledBack?: (version: number, from: number) => void;
}

/** Published versions and the draft; diff any two; roll back; discard the draft. */
export function VersionsPanel(p: VersionsPanelProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const canRollBack = allowsAutomation(useMatrix(), 'rollBack');
  const api = useExtraApi();
  const confirm = useConfirm();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [from, setFrom] = useState<Side | null>(null);
  const [to, setTo] = useState<Side>('draft');
  const [diff, setDiff] = useState<{
    a: AutomationModel;
    b: AutomationModel;
    entries: ModelDiffEntry[];
    /** What `a` and `b` are, as compared (the radios may move on). */
    sides: readonly [Side, Side];
  } | null>(null);
  const [side, setSide] = useState<'before' | 'after'>('after');
  const [rollback, setRollback] = useState<{
    version: number;
    entries: ModelDiffEntry[];
    labelOf: (nodeId: string) => string | undefined;
    before: AutomationModel;
    after: AutomationModel;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { modelId, draft, onOverlay } = p;

  // Bumped to read the version list again (after a rollback, on Refresh).
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  useEffect(() => {
    let live = true;
    api.listVersions(modelId).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setFrom((cur) => cur ?? list.at(-1)?.version ?? null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, modelId, tick]);

  const modelOf = async (s: Side) =>
    s === 'draft' ? draft : (await api.getVersion(modelId, s)).model;

  const show = (d: typeof diff, which: 'before' | 'after') => {
    setSide(which);
    onOverlay(
      d ? { model: which === 'after' ? d.b : d.a, marks: diffMarks(d.entries, which) } : null,
    );
  };

  const compare = async () => {
    if (from === null) return;
    setError(null);
    try {
      const [a, b] = await Promise.all([modelOf(from), modelOf(to)]);
      const d = { a, b, entries: diffModels(a, b), sides: [from, to] as const };
      setDiff(d);
      show(d, 'after');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const closeDiff = () => {
    setDiff(null);
    onOverlay(null);
  };

  const askRollback = async (version: number) => {
    const latest = versions.at(-1)?.version;
    if (latest === undefined) return;
    const [a, b] = await Promise.all([modelOf(latest), modelOf(version)]);
    setRollback({
      version,
      entries: diffModels(a, b),
      labelOf: (id) => nodeLabel(b, id) ?? nodeLabel(a, id),
      before: a,
      after: b,
    });
  };

  const doRollback = async (version: number) => {
    setRollback(null);
    try {
      const res = await api.rollback(modelId, version);
      const now = await api.getModel(modelId);
      p.onReplaced(now.model, now.etag);
      p.onRolledBack?.(res.version, version);
      closeDiff();
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const discard = () =>
    confirm({
      title: t('dialog.discardDraft'),
      message: t('versions.confirmDiscard'),
      confirmLabel: t('dialog.discard'),
      run: async () => {
        try {
          await p.flush();
          const { model, etag } = await api.discardDraft(modelId);
          p.onReplaced(model, etag);
          closeDiff();
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      },
    });

  const sideName = (x: Side) => (x === 'draft' ? t('versions.draft') : `v${x}`);

  const radio = (name: 'from' | 'to', value: Side, label: string) => (
    <input
      type="radio"
      name={`diff-${name}`}
      aria-label={t(`versions.${name}`) + ' ' + label}
      checked={(name === 'from' ? from : to) === value}
      onChange={() => (name === 'from' ? setFrom(value) : setTo(value))}
      data-testid={`diff-${name}-${value}`}
    />
  );

  return (
    <div className="versions-panel" data-testid="versions-panel">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="versions-table">
        <thead>
          <tr>
            <th scope="col">{t('versions.from')}</th>
            <th scope="col">{t('versions.to')}</th>
            <th scope="col">{t('versions.version')}</th>
            <th scope="col">{t('versions.who')}</th>
            <th scope="col">{t('versions.when')}</th>
            <th scope="col">{t('versions.note')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('versions.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="version-row-draft">
            <td>{radio('from', 'draft', t('versions.draft'))}</td>
            <td>{radio('to', 'draft', t('versions.draft'))}</td>
            <td colSpan={4}>{t('versions.draft')}</td>
            <td>
              <button
                type="button"
                className="danger"
                onClick={discard}
                disabled={versions.length === 0}
                data-testid="discard-draft"
              >
                {t('versions.discard')}
              </button>
            </td>
          </tr>
          {[...versions].reverse().map((v) => (
            <tr key={v.version} data-testid={`version-row-${v.version}`}>
              <td>{radio('from', v.version, `v${v.version}`)}</td>
              <td>{radio('to', v.version, `v${v.version}`)}</td>
              <td>v{v.version}</td>
              <td data-user-text>{v.publishedBy}</td>
              <td>{f.dateTime(v.publishedAt)}</td>
              <td data-user-text>{v.note ?? ''}</td>
              <td>
                {v.version !== versions.at(-1)?.version && canRollBack && (
                  <button
                    type="button"
                    onClick={() => void askRollback(v.version)}
                    data-testid={`rollback-${v.version}`}
                  >
                    {t('versions.rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void compare()}
          disabled={from === null}
          data-testid="compare"
        >
          {t('versions.compare')}
        </button>
        <button type="button" onClick={reload}>
          {t('versions.refresh')}
        </button>
        {diff && (
          <>
            <button
              type="button"
              className={side === 'after' ? 'active' : ''}
              onClick={() => show(diff, 'after')}
              data-testid="show-after"
            >
              {t('versions.showAfter')}
            </button>
            <button
              type="button"
              className={side === 'before' ? 'active' : ''}
              onClick={() => show(diff, 'before')}
              data-testid="show-before"
            >
              {t('versions.showBefore')}
            </button>
            <button type="button" onClick={closeDiff} data-testid="close-diff">
              {t('versions.closeDiff')}
            </button>
          </>
        )}
      </div>
      {diff && (
        <p className="muted" role="status" data-testid="diff-readonly">
          {t('versions.readOnly', {
            version: sideName(diff.sides[side === 'after' ? 1 : 0]),
          })}
        </p>
      )}
      {diff && (
        <DiffList
          entries={diff.entries}
          before={diff.a}
          after={diff.b}
          labelOf={(id) => nodeLabel(diff.b, id) ?? nodeLabel(diff.a, id)}
        />
      )}
      {rollback && (
        <RollbackDialog
          version={rollback.version}
          entries={rollback.entries}
          labelOf={rollback.labelOf}
          before={rollback.before}
          after={rollback.after}
          onConfirm={() => void doRollback(rollback.version)}
          onCancel={() => setRollback(null)}
        />
      )}
    </div>
  );
}
