import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, type Action, type EntityType } from '../../../schemas/index.js';
import { AssignTargetEditor } from './assign-target-editor.js';
import { PersonRefEditor } from './person-ref-editor.js';
import { SelectField, TextField } from './select-field.js';
import { TemplateTextField } from './template-text-field.js';
import { useOptions } from './use-options.js';
import { AddresseeEditor } from './addressee-editor.js';
import { DeadlineEditor } from './deadline-editor.js';
import { UpdateFieldsEditor } from './update-fields-editor.js';

/** The settings form of one action, by its type. */
export function ActionForm({
  action,
  entity,
  pipeline,
  onChange,
}: {
  action: Action;
  entity: EntityType;
  pipeline: string;
  onChange: (a: Action) => void;
}) {
  const { t } = useTranslation();
  const o = useOptions();
  switch (action.type) {
    case 'assign':
      return (
        <>
          <AssignTargetEditor
            value={action.target}
            entity={entity}
            onChange={(target) => onChange({ ...action, target })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={action.skipUnavailable ?? true}
              onChange={(e) => onChange({ ...action, skipUnavailable: e.target.checked })}
            />
            {t('inspector.skipUnavailable')}
          </label>
        </>
      );
    case 'change_stage': {
      const p = action.pipeline ?? pipeline;
      return (
        <>
          <SelectField
            label={t('inspector.pipeline')}
            value={p}
            options={o.pipelines(entity)}
            onChange={(v) => {
              const stage = o.stages(v)[0]?.value;
              if (v && stage)
                onChange(
                  v === pipeline
                    ? { type: 'change_stage', stage }
                    : { type: 'change_stage', pipeline: v, stage },
                );
            }}
          />
          <SelectField
            label={t('inspector.stageTarget')}
            value={action.stage}
            options={o.stages(p)}
            testId="change-stage-target"
            onChange={(stage) => stage && onChange({ ...action, stage })}
          />
        </>
      );
    }
    case 'create_linked_record':
      return (
        <>
          <SelectField
            label={t('inspector.entity')}
            value={action.entity}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
            onChange={(e) =>
              e && onChange({ type: 'create_linked_record', entity: e as EntityType })
            }
          />
          <SelectField
            label={t('inspector.pipeline')}
            value={action.pipeline}
            options={o.pipelines(action.entity)}
            emptyLabel={t('inspector.none')}
            onChange={(p) => onChange({ ...action, pipeline: p, stage: undefined })}
          />
          {action.pipeline && (
            <SelectField
              label={t('inspector.stageTarget')}
              value={action.stage}
              options={o.stages(action.pipeline)}
              emptyLabel={t('inspector.none')}
              onChange={(stage) => onChange({ ...action, stage })}
            />
          )}
          <TemplateTextField
            label={t('inspector.title')}
            value={action.title ?? ''}
            entity={entity}
            onChange={(title) => onChange({ ...action, title: title || undefined })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={action.assign !== undefined}
              onChange={(e) =>
                onChange({
                  ...action,
                  assign: e.target.checked
                    ? { kind: 'user', user: o.users()[0]?.value ?? 'user' }
                    : undefined,
                })
              }
            />
            {t('assign.target')}
          </label>
          {action.assign && (
            <AssignTargetEditor
              value={action.assign}
              entity={entity}
              onChange={(assign) => onChange({ ...action, assign })}
            />
          )}
        </>
      );
    case 'create_task':
      return (
        <>
          <TemplateTextField
            label={t('inspector.title')}
            value={action.title}
            entity={entity}
            testId="task-title"
            onChange={(title) => onChange({ ...action, title })}
          />
          <TemplateTextField
            label={t('inspector.description')}
            value={action.description ?? ''}
            entity={entity}
            multiline
            onChange={(d) => onChange({ ...action, description: d || undefined })}
          />
          <div className="form-row">
            <label>{t('inspector.assignee')}</label>
            <PersonRefEditor
              value={action.assignee}
              onChange={(assignee) => onChange({ ...action, assignee })}
            />
          </div>
          <DeadlineEditor
            value={action.deadline}
            entity={entity}
            onChange={(deadline) => onChange({ ...action, deadline })}
          />
        </>
      );
    case 'notify':
      return (
        <>
          <div className="form-row">
            <label>{t('inspector.recipients')}</label>
            {action.recipients.map((r, i) => (
              <span key={i} className="inline-fields">
                <PersonRefEditor
                  value={r}
                  onChange={(p) =>
                    onChange({
                      ...action,
                      recipients: action.recipients.map((x, j) => (j === i ? p : x)),
                    })
                  }
                />
                {action.recipients.length > 1 && (
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() =>
                      onChange({
                        ...action,
                        recipients: action.recipients.filter((_, j) => j !== i),
                      })
                    }
                  >
                    ×
                  </button>
                )}
              </span>
            ))}
            <button
              type="button"
              onClick={() =>
                onChange({ ...action, recipients: [...action.recipients, { kind: 'manager' }] })
              }
            >
              {t('inspector.add')}
            </button>
          </div>
          <TemplateTextField
            label={t('inspector.message')}
            value={action.message}
            entity={entity}
            multiline
            testId="notify-message"
            onChange={(message) => onChange({ ...action, message })}
          />
        </>
      );
    case 'send_email':
    case 'send_message':
      return (
        <>
          <AddresseeEditor
            value={action.to}
            entity={entity}
            onChange={(to) => onChange({ ...action, to })}
          />
          <SelectField
            label={t('inspector.template')}
            value={action.template}
            options={o.templates(action.type === 'send_email' ? 'email' : 'message')}
            onChange={(template) => template && onChange({ ...action, template })}
          />
          {action.type === 'send_message' && (
            <TextField
              label={t('inspector.channel')}
              value={action.channel ?? ''}
              onChange={(c) => onChange({ ...action, channel: c || undefined })}
            />
          )}
        </>
      );
    case 'generate_document':
      return (
        <>
          <SelectField
            label={t('inspector.template')}
            value={action.template}
            options={o.templates('document')}
            onChange={(template) => template && onChange({ ...action, template })}
          />
          <TextField
            label={t('inspector.register')}
            value={action.register ?? ''}
            onChange={(r) => onChange({ ...action, register: r || undefined })}
          />
        </>
      );
    case 'update_fields':
      return <UpdateFieldsEditor action={action} entity={entity} onChange={onChange} />;
    case 'webhook':
      return (
        <>
          <TextField
            label={t('inspector.url')}
            value={action.url}
            onChange={(url) => onChange({ ...action, url })}
          />
          <SelectField
            label={t('inspector.method')}
            value={action.method ?? 'POST'}
            options={['POST', 'PUT', 'PATCH', 'GET'].map((m) => ({ value: m, label: m }))}
            onChange={(m) => onChange({ ...action, method: m as 'POST' })}
          />
          <TemplateTextField
            label={t('inspector.body')}
            value={action.body ?? ''}
            entity={entity}
            multiline
            onChange={(b) => onChange({ ...action, body: b || undefined })}
          />
        </>
      );
    case 'convert_lead':
      return (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={action.createContact}
              onChange={(e) => onChange({ ...action, createContact: e.target.checked })}
            />
            {t('inspector.createContact')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={action.createCompany}
              onChange={(e) => onChange({ ...action, createCompany: e.target.checked })}
            />
            {t('inspector.createCompany')}
          </label>
          <SelectField
            label={t('inspector.dealPipeline')}
            value={action.deal?.pipeline}
            options={o.pipelines('deal')}
            emptyLabel={t('inspector.none')}
            onChange={(p) => onChange({ ...action, deal: p ? { pipeline: p } : undefined })}
          />
        </>
      );
    case 'add_comment':
      return (
        <TemplateTextField
          label={t('inspector.text')}
          value={action.text}
          entity={entity}
          multiline
          onChange={(text) => onChange({ ...action, text })}
        />
      );
  }
}
