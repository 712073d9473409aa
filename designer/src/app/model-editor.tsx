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
import { ApiError } from '../api/api-types.js';
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
import { Palette } from '../palette/palette.js';
import { usePlaceItemFor } from '../palette/use-place-item-for.js';
import { DiagnosticsPanel } from '../diagnostics/diagnostics-panel.js';
import { readModelText } from '../io/read-model-file.js';
import { downloadJson } from '../io/download-json.js';
import { Header } from './header.js';
import { ProblemsDialog } from './problems-dialog.js';
import { useAutosave } from './use-autosave.js';
import { useDiagnostics } from './use-diagnostics.js';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.js';
import { ToolPanels } from './tool-panels.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';
import { FirstRunOverlay } from '../onboarding/first-run-overlay.js';

const ModelJsonEditor = lazy(() =>
  import('../monaco/model-json-editor.js').then((m) => ({ default: m.ModelJsonEditor })),
);

/** The designer for one model: canvas or JSON, palette, inspector, problems, autosave. */
export function ModelEditor({
  initial,
  runtimeDirectory,
}: {
  initial: AutomationModel;
  runtimeDirectory: Directory;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, dispatch] = useReducer(editorReducer, initial, initEditor);
  const model = state.present;
  const directory = useMemo(
    () => mergeDirectory(runtimeDirectory, model.directory),
    [runtimeDirectory, model.directory],
  );
  const diagnostics = useDiagnostics(model, directory);
  const autosave = useAutosave(api, model);
  const [selected, setSelected] = useState<string[]>([]);
  const [focus, setFocus] = useState<{ nodeId: string; n: number } | null>(null);
  const [view, setView] = useState<'canvas' | 'json'>('canvas');
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{
    title: string;
    diagnostics: readonly Diagnostic[];
  } | null>(null);
  const clipboard = useRef<Robot[]>([]);
  // A version diff shows another model read-only; the simulation only marks nodes.
  const [overlay, setOverlay] = useState<CanvasOverlay | null>(null);

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
      const name = window.prompt(t('lane.newStage'), t('lane.newStage'));
      if (!name?.trim()) return;
      const key = makeKey(name, new Set(p.stages.map((s) => s.key)), 'stage');
      dispatch({
        type: 'addStage',
        pipeline,
        stage: { key, name: name.trim(), kind: 'in_progress', robots: [], triggers: [] },
      });
      select(stageNodeId(pipeline, key));
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
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      remove: () => {
        const stages = selected.filter((id) => parseNodeId(id)?.kind === 'stage');
        if (stages.length > 0) {
          const details = stages
            .map((id) => {
              const p = parseNodeId(id);
              const f = p?.kind === 'stage' ? findStage(model, p.pipeline, p.stage) : null;
              return f ? stageRemovalMessage(t, model, f.stage) : '';
            })
            .join('\n');
          if (!window.confirm(details)) return;
        }
        const lanes = selected.filter((id) => parseNodeId(id)?.kind === 'pipeline');
        if (
          lanes.length > 0 &&
          !window.confirm(
            t('inspector.confirmRemovePipeline', {
              name: lanes
                .map((id) => {
                  const p = parseNodeId(id);
                  return model.pipelines.find((x) => p?.kind === 'pipeline' && x.key === p.key)
                    ?.name;
                })
                .join(', '),
            }),
          )
        )
          return;
        dispatch({ type: 'removeNodes', nodeIds: selected });
        setSelected([]);
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
        if (target && clipboard.current.length > 0)
          dispatch({ type: 'pasteRobots', ...target, robots: clipboard.current });
      },
    }),
    // selectedStage reads model and selection only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected, model, t],
  );
  useKeyboardShortcuts(shortcuts);

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
    try {
      await autosave.flush();
      const res = await api.publish(model.id);
      setNotice(
        t(res.unchanged === true ? 'header.publishUnchanged' : 'header.publishedVersion', {
          version: res.version,
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.diagnostics.length > 0) {
        const errs = e.diagnostics.filter((d) => d.severity === 'error');
        setNotice(t('header.publishRefused', { count: errs.length }));
        setDialog({ title: t('header.publishRefused', { count: errs.length }), diagnostics: errs });
      } else setNotice(e instanceof Error ? e.message : String(e));
    }
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
    const name = window.prompt(t('lane.newPipeline'), t('lane.newPipeline'));
    if (!name?.trim()) return;
    const key = makeKey(name, new Set(model.pipelines.map((p) => p.key)), 'pipeline');
    dispatch({
      type: 'addPipeline',
      key,
      name: name.trim(),
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
  };

  return (
    <EditorProvider value={editor}>
      <CanvasCommandsContext.Provider value={commands}>
        <div className="designer">
          <Header
            name={model.name}
            save={autosave.state}
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
          />
          <div className="workspace">
            <Palette
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
                    onAction={overlay?.model ? () => undefined : onAction}
                    onConnectNodes={(source, target) =>
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
                    onApply={(m) => dispatch({ type: 'replaceModel', model: m })}
                  />
                </Suspense>
              )}
            </main>
            <Inspector nodeId={primary} />
          </div>
          <ToolPanels
            model={model}
            flush={autosave.flush}
            onOverlay={setOverlay}
            onReplaced={(m) => {
              autosave.markSaved(m);
              dispatch({ type: 'replaceModel', model: m });
            }}
            onModelChange={(m) => dispatch({ type: 'replaceModel', model: m })}
          />
          <DiagnosticsPanel
            diagnostics={diagnostics}
            onPick={(nodeId) => {
              setView('canvas');
              select(nodeId);
              setFocus((f) => ({ nodeId, n: (f?.n ?? 0) + 1 }));
            }}
          />
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

function allIds(model: AutomationModel): string[] {
  return model.pipelines.flatMap((p) =>
    p.stages.flatMap((s) => [...s.robots.map((r) => r.id), ...s.triggers.map((x) => x.id)]),
  );
}
