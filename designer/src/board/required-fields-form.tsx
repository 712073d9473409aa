import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A field a stage requires, as the move form asks for it. */
export interface AskedField {
  readonly key: string;
  readonly label: string;
  /** The model's field type: numbers are sent as numbers. */
  readonly type?: string;
}

const NUMERIC = new Set(['number', 'money']);

/** Asks, inside the card, for the fields the target stage needs (the 422 named them). */
export function RequiredFieldsForm({
  stageName,
  fields,
  onSubmit,
  onCancel,
}: {
  stageName: string;
  fields: readonly AskedField[];
  onSubmit(values: Record<string, unknown>): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  return (
    <form
      className="required-fields"
      aria-label={t('board.requiredFor', { stage: stageName })}
      data-testid="required-fields"
      onSubmit={(e) => {
        e.preventDefault();
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const v = (values[f.key] ?? '').trim();
          out[f.key] = NUMERIC.has(f.type ?? '') && v !== '' ? Number(v) : v;
        }
        onSubmit(out);
      }}
    >
      <p>{t('board.requiredFor', { stage: stageName })}</p>
      {fields.map((f) => (
        <label key={f.key}>
          {f.label}
          <input
            required
            type={NUMERIC.has(f.type ?? '') ? 'number' : 'text'}
            value={values[f.key] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
            data-testid={`required-${f.key}`}
          />
        </label>
      ))}
      <div className="row">
        <button type="submit" className="primary" data-testid="required-submit">
          {t('board.moveAnyway')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('board.cancel')}
        </button>
      </div>
    </form>
  );
}
