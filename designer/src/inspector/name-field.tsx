import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
  // Only a blank entry lives here; any other text goes straight to the model.
  const [blank, setBlank] = useState<string | null>(null);
  return (
    <div className="form-row">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={blank ?? props.value}
        data-testid={props.testId}
        aria-invalid={blank !== null}
        aria-describedby={blank !== null ? `${id}-hint` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          if (text.trim() === '') setBlank(text);
          else {
            setBlank(null);
            props.onChange(text);
          }
        }}
        onBlur={() => setBlank(null)}
      />
      {blank !== null && (
        <p id={`${id}-hint`} className="field-hint" role="status">
          {t('inspector.nameRequired', { name: props.value })}
        </p>
      )}
    </div>
  );
}
