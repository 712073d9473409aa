import { useTranslation } from 'react-i18next';
import { STAGE_KINDS, type Pipeline, type Stage } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { stageNodeId } from '../editor/node-ids.js';
import { SelectField } from './select-field.js';
import { NameField } from './name-field.js';
import { useOptions } from './use-options.js';
import { AddNodeButtons } from './add-node-buttons.js';
import { stageRemovalMessage } from './stage-removal-message.js';
import { useConfirm } from '../dialogs/confirm-context.js';

/** Name, kind, required fields, order and deletion of a stage. */
export function StageForm({
  pipeline,
  stage,
  index,
}: {
  pipeline: Pipeline;
  stage: Stage;
  index: number;
}) {
  const { t } = useTranslation();
  const { model, dispatch, select } = useEditor();
  const options = useOptions();
  const base = { pipeline: pipeline.key, stage: stage.key };
  const required = new Set(stage.requiredFields ?? []);
  const confirm = useConfirm();
  const last = pipeline.stages.length <= 1;
  const remove = () =>
    confirm({
      title: t('dialog.removeStage', { name: stage.name }),
      message: stageRemovalMessage(t, model, stage),
      confirmLabel: t('dialog.remove'),
      done: {
        message: t('dialog.removed', { name: stage.name }),
        undo: () => dispatch({ type: 'undo' }),
      },
      run: () => {
        dispatch({ type: 'removeStage', ...base });
        select(null);
      },
    });
  return (
    <div className="form" data-testid="stage-form">
      <h3>
        {t('inspector.stage')}: {stage.name}
      </h3>
      <NameField
        label={t('inspector.name')}
        value={stage.name}
        testId="stage-name"
        onChange={(name) => dispatch({ type: 'renameStage', ...base, name })}
      />
      <div className="form-row">
        <label>{t('inspector.key')}</label>
        <code>{stage.key}</code>
      </div>
      <SelectField
        label={t('inspector.kind')}
        value={stage.kind}
        testId="stage-kind"
        options={STAGE_KINDS.map((k) => ({ value: k, label: t(`stageKind.${k}`) }))}
        onChange={(kind) =>
          kind && dispatch({ type: 'updateStage', ...base, patch: { kind: kind as Stage['kind'] } })
        }
      />
      <label className="checkbox" title={t('inspector.manualHint')}>
        <input
          type="checkbox"
          checked={stage.manual === true}
          data-testid="stage-manual"
          onChange={(e) =>
            dispatch({ type: 'updateStage', ...base, patch: { manual: e.target.checked } })
          }
        />
        {t('inspector.manual')}
      </label>
      <fieldset>
        <legend>{t('inspector.requiredFields')}</legend>
        <div className="checkbox-list">
          {options.fields(pipeline.entity).map((f) => (
            <label key={f.value} className="checkbox">
              <input
                type="checkbox"
                checked={required.has(f.value)}
                onChange={(e) => {
                  const next = new Set(required);
                  if (e.target.checked) next.add(f.value);
                  else next.delete(f.value);
                  dispatch({ type: 'updateStage', ...base, patch: { requiredFields: [...next] } });
                }}
              />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          disabled={index === 0}
          onClick={() => dispatch({ type: 'moveStage', ...base, toIndex: index - 1 })}
        >
          {t('inspector.moveLeft')}
        </button>
        <button
          type="button"
          disabled={index === pipeline.stages.length - 1}
          onClick={() => dispatch({ type: 'moveStage', ...base, toIndex: index + 1 })}
        >
          {t('inspector.moveRight')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="stage-delete"
          disabled={last}
          aria-describedby={last ? 'stage-last-hint' : undefined}
          onClick={remove}
        >
          {t('inspector.delete')}
        </button>
      </div>
      {last && (
        <p id="stage-last-hint" className="field-hint">
          {t('inspector.cannotRemoveLastStage')}
        </p>
      )}
      <AddNodeButtons pipeline={pipeline.key} stage={stage.key} />
      <p className="muted">{stageNodeId(pipeline.key, stage.key)}</p>
    </div>
  );
}
