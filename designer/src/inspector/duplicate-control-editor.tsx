import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, type DuplicateControl, type EntityType } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

const DEFAULT_FIELDS = ['phone', 'email'];

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/**
 * The entity's duplicate control, edited where it matters: beside a `duplicate_found`
 * trigger. It belongs to the entity (every pipeline of it), which the heading says.
 */
export function DuplicateControlEditor({ entity }: { entity: EntityType }) {
  const { t } = useTranslation();
  const { model, dispatch } = useEditor();
  const o = useOptions();
  const control = model.entities[entity]?.duplicates;
  const set = (c: DuplicateControl | undefined) =>
    dispatch({ type: 'setDuplicateControl', entity, control: c });
  const fields = o.fields(entity, ['string']);
  if (control === undefined) {
    const start = DEFAULT_FIELDS.filter((f) => fields.some((x) => x.value === f));
    return (
      <fieldset data-testid="duplicate-control">
        <legend>{t('duplicates.title', { entity: t(`entity.${entity}`) })}</legend>
        <p className="muted">{t('duplicates.off')}</p>
        <button
          type="button"
          data-testid="duplicate-control-on"
          onClick={() => set({ fields: start.length > 0 ? start : [fields[0]?.value ?? 'title'] })}
        >
          {t('duplicates.turnOn')}
        </button>
      </fieldset>
    );
  }
  const against = control.against ?? [entity];
  return (
    <fieldset data-testid="duplicate-control">
      <legend>{t('duplicates.title', { entity: t(`entity.${entity}`) })}</legend>
      <p className="muted">{t('duplicates.help')}</p>
      <div className="form-row">
        <span>{t('duplicates.fields')}</span>
        {fields.map((f) => (
          <label className="checkbox" key={f.value}>
            <input
              type="checkbox"
              checked={control.fields.includes(f.value)}
              disabled={control.fields.length === 1 && control.fields[0] === f.value}
              onChange={(e) =>
                set({ ...control, fields: toggle(control.fields, f.value, e.target.checked) })
              }
            />
            {f.label}
          </label>
        ))}
      </div>
      <div className="form-row">
        <span>{t('duplicates.against')}</span>
        {ENTITY_TYPES.map((e) => (
          <label className="checkbox" key={e}>
            <input
              type="checkbox"
              checked={against.includes(e)}
              disabled={against.length === 1 && against[0] === e}
              onChange={(ev) => set({ ...control, against: toggle(against, e, ev.target.checked) })}
            />
            {t(`entity.${e}`)}
          </label>
        ))}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={control.link ?? false}
          onChange={(e) => set({ ...control, link: e.target.checked || undefined })}
        />
        {t('duplicates.link')}
      </label>
      <SelectField
        label={t('duplicates.markField')}
        value={control.markField}
        options={fields}
        emptyLabel={t('inspector.none')}
        onChange={(markField) => set({ ...control, markField })}
      />
      <button type="button" className="danger" onClick={() => set(undefined)}>
        {t('duplicates.turnOff')}
      </button>
    </fieldset>
  );
}
