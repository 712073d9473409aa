import { useTranslation } from 'react-i18next';
import {
  ENTITY_TYPES,
  type EntityType,
  type Pipeline,
  type Stage,
  type Trigger,
} from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { triggerNodeId } from '../editor/node-ids.js';
import { ConditionEditor } from '../condition/condition-editor.js';
import { SelectField, TextField } from './select-field.js';
import { useOptions } from './use-options.js';
import { DurationEditor } from './duration-editor.js';
import { DuplicateControlEditor } from './duplicate-control-editor.js';

/** A trigger: its event's parameters, condition and deletion. */
export function TriggerForm({
  pipeline,
  stage,
  trigger,
}: {
  pipeline: Pipeline;
  stage: Stage;
  trigger: Trigger;
}) {
  const { t } = useTranslation();
  const { dispatch, select } = useEditor();
  const o = useOptions();
  const update = (x: Trigger) => dispatch({ type: 'updateTrigger', trigger: x });
  return (
    <div className="form" data-testid="trigger-form">
      <h3>
        {t('inspector.trigger')}: {t(`trigger.${trigger.type}`)}
      </h3>
      <p className="muted">
        → {pipeline.name} / {stage.name} · <code>{trigger.id}</code>
      </p>
      <TextField
        label={t('inspector.name')}
        value={trigger.name ?? ''}
        onChange={(name) => update({ ...trigger, name: name || undefined })}
      />
      {trigger.type === 'field_changed' && (
        <SelectField
          label={t('inspector.field')}
          value={trigger.field}
          options={o.fields(pipeline.entity)}
          onChange={(field) => field && update({ ...trigger, field })}
        />
      )}
      {trigger.type === 'date_reached' && (
        <>
          <SelectField
            label={t('inspector.field')}
            value={trigger.field}
            options={o.fields(pipeline.entity, ['date', 'datetime'])}
            onChange={(field) => field && update({ ...trigger, field })}
          />
          <div className="form-row inline-fields">
            <DurationEditor
              value={trigger.offset ?? { value: 0, unit: 'days' }}
              onChange={(offset) => update({ ...trigger, offset })}
            />
            <select
              value={trigger.direction ?? 'after'}
              onChange={(e) =>
                update({ ...trigger, direction: e.target.value as 'before' | 'after' })
              }
            >
              <option value="before">{t('direction.before')}</option>
              <option value="after">{t('direction.after')}</option>
            </select>
          </div>
        </>
      )}
      {trigger.type === 'incoming_message' && (
        <TextField
          label={t('inspector.channel')}
          value={trigger.channel ?? ''}
          onChange={(c) => update({ ...trigger, channel: c || undefined })}
        />
      )}
      {trigger.type === 'form_submitted' && (
        <TextField
          label={t('inspector.form')}
          value={trigger.form ?? ''}
          onChange={(f) => update({ ...trigger, form: f || undefined })}
        />
      )}
      {trigger.type === 'linked_record_stage' && (
        <>
          <SelectField
            label={t('inspector.entity')}
            value={trigger.entity}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
            onChange={(e) => e && update({ ...trigger, entity: e as EntityType })}
          />
          <SelectField
            label={t('inspector.pipeline')}
            value={trigger.pipeline}
            options={o.pipelines(trigger.entity)}
            onChange={(p) => {
              const s = o.stages(p)[0]?.value;
              if (p && s) update({ ...trigger, pipeline: p, stage: s });
            }}
          />
          <SelectField
            label={t('inspector.stage')}
            value={trigger.stage}
            options={o.stages(trigger.pipeline)}
            onChange={(s) => s && update({ ...trigger, stage: s })}
          />
        </>
      )}
      {trigger.type === 'duplicate_found' && <DuplicateControlEditor entity={pipeline.entity} />}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={trigger.allowBackwards ?? false}
          onChange={(e) => update({ ...trigger, allowBackwards: e.target.checked || undefined })}
        />
        {t('inspector.allowBackwards')}
      </label>
      <fieldset>
        <legend>{t('inspector.condition')}</legend>
        <ConditionEditor
          value={trigger.condition}
          entity={pipeline.entity}
          onChange={(condition) =>
            dispatch({ type: 'setCondition', nodeId: triggerNodeId(trigger.id), condition })
          }
        />
      </fieldset>
      <button
        type="button"
        className="danger"
        onClick={() => {
          dispatch({ type: 'removeNodes', nodeIds: [triggerNodeId(trigger.id)] });
          select(null);
        }}
      >
        {t('inspector.delete')}
      </button>
    </div>
  );
}
