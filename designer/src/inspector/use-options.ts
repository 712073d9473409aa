import { useTranslation } from 'react-i18next';
import type { EntityType, FieldType, TemplateKind } from './option-types.js';
import { useEditor } from '../editor/editor-context.js';
import { entityFields } from '../condition/condition-fields.js';
import type { Option } from './select-field.js';

/** Picker options fed by the model and the runtime directory (never free-text ids). */
export function useOptions() {
  const { model, directory } = useEditor();
  const { i18n } = useTranslation();
  return {
    users: (): Option[] =>
      directory.users.map((u) => ({ value: u.key, label: `${u.name} (${u.key})` })),
    queues: (): Option[] =>
      directory.queues.map((q) => ({ value: q.key, label: `${q.name} (${q.key})` })),
    departments: (): Option[] =>
      directory.departments.map((d) => ({ value: d.key, label: `${d.name} (${d.key})` })),
    pipelines: (entity?: EntityType): Option[] =>
      model.pipelines
        .filter((p) => !entity || p.entity === entity)
        .map((p) => ({ value: p.key, label: p.name })),
    stages: (pipeline: string | undefined): Option[] =>
      (model.pipelines.find((p) => p.key === pipeline)?.stages ?? []).map((s) => ({
        value: s.key,
        label: s.name,
      })),
    fields: (entity: EntityType, types?: readonly FieldType[]): Option[] =>
      entityFields(model, entity, i18n.language)
        .filter((f) => !types || types.includes(f.type))
        .map((f) => ({ value: f.key, label: `${f.label} (${f.key})` })),
    templates: (kind?: TemplateKind): Option[] =>
      (model.templates ?? [])
        .filter((x) => !kind || x.kind === kind)
        .map((x) => ({ value: x.key, label: x.name })),
    calendars: (): Option[] =>
      (model.calendars ?? []).map((c) => ({ value: c.key, label: c.name ?? c.key })),
  };
}
