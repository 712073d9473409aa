import { useMatrix } from '../access/me-context.js';
import { allowsAutomation } from '../access/permissions.js';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import {
  hasErrors,
  type AutomationModel,
  type Diagnostic,
  type Directory,
  type Robot,
} from '../../../schemas/index.js';
import { useApi } from '../api/api-context.js';
import { editorReducer, initEditor } from '../editor/history.js';
import { EditorProvider } from '../editor/editor-context.js';
import { mergeDirectory } from '../editor/merge-directory.js';
import { findRobot, findStage } from '../editor/model-index.js';
import { parseNodeId, pipelineNodeId, stageNodeId } from '../editor/node-ids.js';
import { makeKey } from '../editor/make-key.js';
import type { ModelAction } from '../editor/model-action.js';
import { FlowCanvas } from '../canvas/flow-canvas.js';
import { CanvasCommandsContext, type CanvasCommands } from '../canvas/canvas-commands.js';
import { Inspector } from '../inspector/inspector.js';
import { stageRemovalMessage } from '../inspector/stage-removal-message.js';
import { ConfirmProvider, useConfirm } from '../dialogs/confirm-context.js';
import { Palette } from '../palette/palette.js';
import { usePlaceItemFor } from '../palette/use-place-item-for.js';
import { DiagnosticsPanel } from '../diagnostics/diagnostics-panel.js';
import { readModelText } from '../io/read-model-file.js';
import { downloadJson } from '../io/download-json.js';
import { Header } from './header.js';
import { ProblemsDialog } from './problems-dialog.js';
import { usePublishFlow } from './use-publish-flow.js';
import { PublishPreviewDialog } from '../versions/publish-preview-dialog.js';
import { useAutosave } from './use-autosave.js';
import { useDiagnostics } from './use-diagnostics.js';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.js';
import { ToolPanels } from './tool-panels.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';
import { FirstRunOverlay } from '../onboarding/first-run-overlay.js';
import { ConflictBanner, RestoreBanner } from './draft-banners.js';
import { backupDiffers, clearBackup, readBackup, type LocalBackup } from './local-backup.js';
import { useLeaveGuard } from './use-leave-guard.js';
import { useDraftConflict } from './use-draft-conflict.js';
import { defaultName } from './default-name.js';
import { nodeOfPath } from '../inspector/field-of-path.js';

const ModelJsonEditor = lazy(() =>
  import('../monaco/model-json-editor.js').then((m) => ({ default: m.ModelJsonEditor })),
);

export interface ModelEditorProps {
  readonly initial: AutomationModel;
  /** The loaded draft's revision: saves send it as `If-Match`. */
  readonly initialEtag?: string;
  readonly runtimeDirectory: Directory;
  /** A canvas node to select and show at once (`#/models/<id>?node=`: the board's links). */
  readonly focusNode?: string;
}

/** The designer for one model: canvas or JSON, palette, inspector, problems, autosave. */
export function ModelEditor(props: ModelEditorProps) {
  return (
    <ConfirmProvider>
      <ModelEditorBody {...props} />
    </ConfirmProvider>
  );
}

function ModelEditorBody({ initial, initialEtag, runtimeDirectory, focusNode }: ModelEditorProps) {
  const { t } = useTranslation();
  const api = useApi();
  const confirm = useConfirm();
  const [state, dispatch] = useReducer(editorReducer, initial, initEditor);
  const model = state.present;
  const directory = useMemo(
    () => mergeDirectory(runtimeDirectory, model.directory),
    [runtimeDirectory, model.directory],
  );
  const diagnostics = useDiagnostics(model, directory);
  const autosave = useAutosave(api, model, initialEtag);
  useLeaveGuard(autosave.state, autosave.flushOnHide);
  // A backup of edits that never reached the runtime (crash, closed tab, offline).
  const [backup, setBackup] = useState<LocalBackup | null>(() => {
    const b = readBackup(initial.id);
    if (b && backupDiffers(b, initial) && b.model.id === initial.id) return b;
    if (b) clearBackup(initial.id);
    return null;
  });
  const [selected, setSelected] = useState<string[]>(focusNode ? [focusNode] : []);
  const [focus, setFocus] = useState<{ nodeId: string; n: number } | null>(
    focusNode ? { nodeId: focusNode, n: 1 } : null,
  );
  // The field a picked problem points at (path inside its node), for the inspector.
  const [jump, setJump] = useState<{ rel: string; n: number } | null>(null);
  const [view, setView] = useState<'canvas' | 'json'>('canvas');
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{
    title: string;
    diagnostics: readonly Diagnostic[];
  } | null>(null);
  const clipboard = useRef<Robot[]>([]);
  // A version diff shows another model read-only; the simulation only marks nodes.
  const [overlay, setOverlay] = useState<CanvasOverlay | null>(null);
  // A role without "edit drafts" sees the model as it is and changes nothing (the
  // runtime would refuse the save anyway).
  const canEditDrafts = allowsAutomation(useMatrix(), 'editDrafts');
  const readOnly = overlay?.model !== undefined || !canEditDrafts;
  const conflict = useDraftConflict({
    api,
    model,
    autosave,
    replace: (m) => dispatch({ type: 'replaceModel', model: m }),
    setOverlay,
    onError: setNotice,
  });
  // Focus the name field of a node just added (its form renders with the selection).
  const [focusName, setFocusName] = useState<{ testId: string; n: number } | null>(null);
  useEffect(() => {
    if (!focusName) return;
    const el = document.querySelector<HTMLInputElement>(`[data-testid="${focusName.testId}"]`);
    el?.focus();
    el?.select();
  }, [focusName]);

  const select = useCallback((nodeId: string | null) => setSelected(nodeId ? [nodeId] : []), []);
  const onAction = useCallback((a: ModelAction) => dispatch(a), []);
  const editor = useMemo(
    () => ({ model, dispatch, directory, select }),
    [model, directory, select],
  );
  const place = usePlaceItemFor(editor);

  const primary = selected.length === 1 ? (selected[0] ?? null) : null;
  const selectedStage = (): { pipeline: string; stage: string } | null => {
    for (const id of selected) {
      const p = parseNodeId(id);
      if (p?.kind === 'stage') return { pipeline: p.pipeline, stage: p.stage };
      if (p?.kind === 'robot') {
        const f = findRobot(model, p.id);
        if (f) return { pipeline: f.pipeline.key, stage: f.stage.key };
      }
    }
    return null;
  };

  // Read through a ref so the canvas commands stay one object across edits; a new
  // one would re-render every stage and lane node on each keystroke.
  const latestModel = useRef(model);
  useEffect(() => {
    latestModel.current = model;
  }, [model]);
  const addStage = useCallback(
    (pipeline: string) => {
      const p = latestModel.current.pipelines.find((x) => x.key === pipeline);
      if (!p) return;
      // A default name, then the cursor in its name field: no browser prompt.
      const name = defaultName(
        t('lane.newStage'),
        p.stages.map((s) => s.name),
      );
      const key = makeKey(name, new Set(p.stages.map((s) => s.key)), 'stage');
      dispatch({
        type: 'addStage',
        pipeline,
        stage: { key, name, kind: 'in_progress', robots: [], triggers: [] },
      });
      select(stageNodeId(pipeline, key));
      setFocusName((f) => ({ testId: 'stage-name', n: (f?.n ?? 0) + 1 }));
    },
    [t, select],
  );
  const commands = useMemo<CanvasCommands>(
    () => ({
      addStage,
      addRobotTo: (pipeline, stage) => {
        select(stageNodeId(pipeline, stage));
        // The palette adds to the selected stage: "+", type a few letters, Enter.
        document.querySelector<HTMLInputElement>(`[data-testid="palette-search"]`)?.focus();
      },
    }),
    [addStage, select],
  );

  const shortcuts = useMemo(
    () => ({
      undo: () => !readOnly && dispatch({ type: 'undo' }),
      redo: () => !readOnly && dispatch({ type: 'redo' }),
      remove: () => {
        if (readOnly || selected.length === 0) return;
        const nodeIds = selected;
        const run = () => {
          dispatch({ type: 'removeNodes', nodeIds });
          setSelected([]);
        };
        const stages = selected.filter((id) => parseNodeId(id)?.kind === 'stage');
        const lanes = selected.filter((id) => parseNodeId(id)?.kind === 'pipeline');
        // Robots and triggers go at once (Undo brings them back); stages and lanes ask.
        if (stages.length === 0 && lanes.length === 0) return run();
        const details = stages.map((id) => {
          const p = parseNodeId(id);
          const f = p?.kind === 'stage' ? findStage(model, p.pipeline, p.stage) : null;
          return f ? stageRemovalMessage(t, model, f.stage) : '';
        });
        const laneNames = lanes.map((id) => {
          const p = parseNodeId(id);
          return model.pipelines.find((x) => p?.kind === 'pipeline' && x.key === p.key)?.name;
        });
        if (lanes.length > 0)
          details.push(t('inspector.confirmRemovePipeline', { name: laneNames.join(', ') }));
        confirm({
          title: t('dialog.removeSelection'),
          message: details.join('\n'),
          confirmLabel: t('dialog.remove'),
          done: {
            message: t('dialog.removedCount', { count: nodeIds.length }),
            undo: () => dispatch({ type: 'undo' }),
          },
          run,
        });
      },
      copy: () => {
        clipboard.current = selected.flatMap((id) => {
          const p = parseNodeId(id);
          const f = p?.kind === 'robot' ? findRobot(model, p.id) : null;
          return f ? [f.robot] : [];
        });
      },
      paste: () => {
        const target = selectedStage();
        if (!readOnly && target && clipboard.current.length > 0)
          dispatch({ type: 'pasteRobots', ...target, robots: clipboard.current });
      },
    }),
    // selectedStage reads model and selection only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected, model, t, readOnly, confirm],
  );
  useKeyboardShortcuts(shortcuts);

  const publishFlow = usePublishFlow(model.id, {
    flush: () => autosave.flush(),
    onNotice: setNotice,
    onRefused: (errs) => {
      setNotice(t('header.publishRefused', { count: errs.length }));
      setDialog({ title: t('header.publishRefused', { count: errs.length }), diagnostics: errs });
    },
  });
  const publish = async () => {
    setNotice(null);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (hasErrors(diagnostics)) {
      setNotice(t('header.publishRefused', { count: errors.length }));
      setDialog({
        title: t('header.publishRefused', { count: errors.length }),
        diagnostics: errors,
      });
      return;
    }
    await publishFlow.start();
  };

  const importText = (text: string) => {
    const result = readModelText(text);
    if (!result.ok) {
      setDialog({
        title: result.notJson ? t('io.notJson', { message: result.notJson }) : t('io.invalid'),
        diagnostics: result.diagnostics,
      });
      return;
    }
    // Imported content goes into the open model (same id), so autosave keeps one draft.
    dispatch({ type: 'replaceModel', model: { ...result.model, id: model.id } });
  };

  const addPipeline = () => {
    const name = defaultName(
      t('lane.newPipeline'),
      model.pipelines.map((p) => p.name),
    );
    const key = makeKey(name, new Set(model.pipelines.map((p) => p.key)), 'pipeline');
    dispatch({
      type: 'addPipeline',
      key,
      name,
      entity: 'deal',
      stage: {
        key: 'new',
        name: t('lane.newStage'),
        kind: 'in_progress',
        robots: [],
        triggers: [],
      },
    });
    select(pipelineNodeId(key));
    setFocusName((f) => ({ testId: 'pipeline-name', n: (f?.n ?? 0) + 1 }));
  };

  return (
    <EditorProvider value={editor}>
      <CanvasCommandsContext.Provider value={readOnly ? NO_COMMANDS : commands}>
        <div className="designer">
          <Header
            name={model.name}
            save={autosave.state}
            readOnly={readOnly}
            notice={notice}
            canUndo={state.past.length > 0}
            canRedo={state.future.length > 0}
            view={view}
            onRename={(name) => dispatch({ type: 'renameModel', name })}
            onUndo={() => dispatch({ type: 'undo' })}
            onRedo={() => dispatch({ type: 'redo' })}
            onPublish={() => void publish()}
            onImport={importText}
            onExport={() => downloadJson(`${model.id}.model.json`, model)}
            onExportRuleSet={() =>
              void autosave
                .flush()
                .then(() => api.getRuleSet(model.id))
                .then((rs) => downloadJson(`${model.id}.ruleset.json`, rs))
                .catch((e: unknown) => setNotice(e instanceof Error ? e.message : String(e)))
            }
            onAutoLayout={() => dispatch({ type: 'autoLayout' })}
            onAddPipeline={addPipeline}
            onView={setView}
            boards={model.pipelines.map((p) => ({
              href: `#/board/${encodeURIComponent(p.key)}?model=${encodeURIComponent(model.id)}`,
              name: p.name,
            }))}
          />
          {autosave.state.status === 'conflict' && (
            <ConflictBanner
              updatedBy={autosave.state.updatedBy}
              updatedAt={autosave.state.updatedAt}
              comparing={conflict.comparing}
              onReload={() => void conflict.reload()}
              onCompare={() => void conflict.compare()}
              onOverwrite={() => void conflict.overwrite()}
            />
          )}
          {backup && (
            <RestoreBanner
              backup={backup}
              onRestore={() => {
                setBackup(null);
                dispatch({ type: 'replaceModel', model: backup.model });
              }}
              onDiscard={() => {
                setBackup(null);
                clearBackup(model.id);
              }}
            />
          )}
          <div className="workspace">
            <Palette
              disabled={readOnly}
              onPick={(item) => {
                const target = selectedStage();
                if (target) place(item, target.pipeline, target.stage);
              }}
            />
            <main className="canvas-area">
              {view === 'canvas' ? (
                <ReactFlowProvider>
                  <FlowCanvas
                    model={overlay?.model ?? model}
                    marks={overlay?.marks}
                    diagnostics={overlay?.model ? [] : diagnostics}
                    selected={selected}
                    onSelectionChange={setSelected}
                    readOnly={readOnly}
                    onAction={readOnly ? () => undefined : onAction}
                    onConnectNodes={(source, target) =>
                      !readOnly &&
                      dispatch({
                        type: 'connect',
                        source,
                        target,
                        triggerId: makeKey(
                          'linked_record_stage',
                          new Set(selected.concat(allIds(model))),
                          'trigger',
                        ),
                      })
                    }
                    onPaletteDrop={overlay?.model ? () => undefined : place}
                    focus={focus}
                  />
                  <FirstRunOverlay />
                </ReactFlowProvider>
              ) : (
                <Suspense fallback={<p className="page-message">{t('app.loading')}</p>}>
                  <ModelJsonEditor
                    model={model}
                    onApply={(m) => canEditDrafts && dispatch({ type: 'replaceModel', model: m })}
                  />
                </Suspense>
              )}
            </main>
            {overlay?.model ? (
              // The diff's model, read only: the forms show it and cannot change anything.
              <EditorProvider
                value={{ model: overlay.model, dispatch: () => undefined, directory, select }}
              >
                <Inspector nodeId={primary} readOnly />
              </EditorProvider>
            ) : (
              <Inspector
                nodeId={primary}
                diagnostics={diagnostics}
                jump={jump}
                readOnly={!canEditDrafts}
              />
            )}
          </div>
          <ToolPanels
            model={model}
            flush={autosave.flush}
            onOverlay={setOverlay}
            onReplaced={(m, etag) => {
              autosave.markSaved(m, etag);
              dispatch({ type: 'replaceModel', model: m });
            }}
            onRolledBack={(version, from) => setNotice(t('versions.rolledBack', { version, from }))}
            onModelChange={(m) => dispatch({ type: 'replaceModel', model: m })}
          />
          <DiagnosticsPanel
            diagnostics={diagnostics}
            nodeOf={(path) => nodeOfPath(model, path)?.nodeId}
            onPick={(nodeId, path) => {
              setView('canvas');
              select(nodeId);
              setFocus((f) => ({ nodeId, n: (f?.n ?? 0) + 1 }));
              const at = nodeOfPath(model, path);
              setJump((j) => ({ rel: at?.nodeId === nodeId ? at.rel : '', n: (j?.n ?? 0) + 1 }));
            }}
          />
          {publishFlow.preview && (
            <PublishPreviewDialog
              preview={publishFlow.preview}
              busy={publishFlow.busy}
              onConfirm={publishFlow.confirm}
              onCancel={publishFlow.cancel}
            />
          )}
          {dialog && (
            <ProblemsDialog
              title={dialog.title}
              diagnostics={dialog.diagnostics}
              onClose={() => setDialog(null)}
            />
          )}
        </div>
      </CanvasCommandsContext.Provider>
    </EditorProvider>
  );
}

/** In a diff the lanes' "+ Stage" and the stages' "+" do nothing. */
const NO_COMMANDS: CanvasCommands = { addStage: () => undefined, addRobotTo: () => undefined };

function allIds(model: AutomationModel): string[] {
  return model.pipelines.flatMap((p) =>
    p.stages.flatMap((s) => [...s.robots.map((r) => r.id), ...s.triggers.map((x) => x.id)]),
  );
}
