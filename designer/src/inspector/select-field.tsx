import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A labelled select; `emptyLabel` adds a "none" choice that maps to undefined. */
export function SelectField(props: {
  label?: string;
  value: string | undefined;
  options: readonly Option[];
  onChange: (value: string | undefined) => void;
  emptyLabel?: string;
  testId?: string;
  /** The accessible name when the select has no visible label. */
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const known = props.value === undefined || props.options.some((o) => o.value === props.value);
  const select = (
    <select
      id={id}
      value={props.value ?? ''}
      aria-label={props.label ? undefined : props.ariaLabel}
      title={props.options.find((o) => o.value === props.value)?.label}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      {(props.emptyLabel !== undefined || props.value === undefined) && (
        <option value="">{props.emptyLabel ?? t('inspector.choose')}</option>
      )}
      {!known && <option value={props.value}>{props.value}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  if (!props.label) return select;
  return (
    <div className="form-row">
      <label htmlFor={id}>{props.label}</label>
      {select}
    </div>
  );
}

/** A labelled text input. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  type?: string;
}) {
  const id = useId();
  return (
    <div className="form-row">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
