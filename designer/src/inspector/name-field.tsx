import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlankableName } from './use-blankable-name.js';

/**
 * A required name (stage, pipeline): it can be cleared and retyped like any text box.
 * While it is blank the model keeps the previous name (a blank one would not pass the
 * schema, so autosave would be refused) and a hint says so; leaving the field blank
 * shows the kept name again.
 */
export function NameField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const name = useBlankableName(props.value, props.onChange);
  return (
    <div className="form-row">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={name.shown}
        data-testid={props.testId}
        aria-invalid={name.isBlank}
        aria-describedby={name.isBlank ? `${id}-hint` : undefined}
        onChange={(e) => name.change(e.target.value)}
        onBlur={name.reset}
      />
      {name.isBlank && (
        <p id={`${id}-hint`} className="field-hint" role="status">
          {t('inspector.nameRequired', { name: props.value })}
        </p>
      )}
    </div>
  );
}
