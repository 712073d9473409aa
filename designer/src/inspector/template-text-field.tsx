import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { placeholders } from './placeholders.js';

/**
 * Liquid text with placeholder completion: typing `{{` offers the entity's fields
 * (filtered as you type); a picker inserts one at the cursor.
 */
export function TemplateTextField(props: {
  label: string;
  value: string;
  entity: EntityType;
  onChange: (v: string) => void;
  testId?: string;
  multiline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { model } = useEditor();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const all = useMemo(
    () => placeholders(model, props.entity, i18n.language),
    [model, props.entity, i18n.language],
  );
  const before = cursor === null ? '' : props.value.slice(0, cursor);
  const open = /\{\{\s*([\w.]*)$/.exec(before);
  const suggestions = open ? all.filter((p) => p.startsWith(open[1] ?? '')).slice(0, 8) : [];

  const insert = (placeholder: string) => {
    const at = cursor ?? props.value.length;
    const start = open ? at - open[0].length : at;
    const text = `{{ ${placeholder} }}`;
    props.onChange(props.value.slice(0, start) + text + props.value.slice(at));
    setCursor(start + text.length);
    ref.current?.focus();
  };

  return (
    <div className="form-row template-field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={props.multiline ? 4 : 2}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => {
          props.onChange(e.target.value);
          setCursor(e.target.selectionStart);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
      />
      {suggestions.length > 0 && (
        <ul className="suggestions" role="listbox">
          {suggestions.map((s) => (
            <li key={s}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(s)}
              >
                {s}
              </button>
            </li>
          ))}
        </ul>
      )}
      <select
        value=""
        onChange={(e) => e.target.value && insert(e.target.value)}
        aria-label={t('inspector.insertPlaceholder')}
      >
        <option value="">{t('inspector.insertPlaceholder')}</option>
        {all.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}
