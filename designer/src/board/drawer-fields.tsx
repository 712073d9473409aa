import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import type { RecordBody } from './board-types.js';
import type { EntityField } from './entity-fields.js';
import { fromInputValue, inputValueInLocale, toInputValue } from './zoned-input.js';
import { useFormat } from '../i18n/use-format.js';

const NUMERIC = new Set(['number', 'money']);
const dateKind = (type: string): 'date' | 'datetime' | undefined =>
  type === 'date' || type === 'datetime' ? type : undefined;
/** Kept by the runtime; not edited here. */
const READ_ONLY = new Set(['createdAt', 'updatedAt']);

const shown = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * The record's fields as a form; Save sends only what changed (with If-Match). Dates and
 * times use the browser's pickers (in the UI's locale) and read in the calendar's zone;
 * they go back as ISO values.
 */
export function DrawerFields({
  record,
  fields,
  directory,
  zone,
  onSave,
}: {
  record: RecordBody;
  fields: readonly EntityField[];
  directory: Directory;
  /** The calendar's IANA zone; absent: UTC. */
  zone?: string;
  onSave(fields: Record<string, unknown>): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { locale } = useFormat();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const editable = fields.filter((f) => !READ_ONLY.has(f.key));
  const changed = Object.keys(edits).length > 0;
  return (
    <form
      className="drawer-fields"
      data-testid="drawer-fields"
      onSubmit={(e) => {
        e.preventDefault();
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(edits)) {
          const f = fields.find((x) => x.key === k);
          const date = dateKind(f?.type ?? '');
          out[k] =
            date !== undefined
              ? fromInputValue(v, date, zone)
              : v === ''
                ? null
                : NUMERIC.has(f?.type ?? '')
                  ? Number(v)
                  : v;
        }
        onSave(out).then(
          () => setEdits({}),
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      {editable.map((f) => {
        const date = dateKind(f.type);
        const value =
          edits[f.key] ??
          (date === undefined
            ? shown(record.fields[f.key])
            : toInputValue(record.fields[f.key], date, zone));
        const set = (v: string) => setEdits((e) => ({ ...e, [f.key]: v }));
        return (
          <label key={f.key}>
            <span>
              {f.label}
              {date === 'datetime' && zone !== undefined && (
                <span className="muted"> ({zone})</span>
              )}
            </span>
            {f.type === 'user' ? (
              <select
                value={value}
                onChange={(e) => set(e.target.value)}
                data-testid={`field-${f.key}`}
              >
                <option value="">—</option>
                {directory.users.map((u) => (
                  <option key={u.key} value={u.key}>
                    {u.name}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={
                  date === 'date'
                    ? 'date'
                    : date === 'datetime'
                      ? 'datetime-local'
                      : NUMERIC.has(f.type)
                        ? 'number'
                        : 'text'
                }
                // Pickers that follow the page language where the browser lets them.
                {...(date === undefined ? {} : { lang: i18n.language })}
                value={value}
                onChange={(e) => set(e.target.value)}
                data-testid={`field-${f.key}`}
              />
            )}
            {date !== undefined && value !== '' && (
              <span className="field-in-locale muted" data-testid={`field-${f.key}-shown`}>
                {inputValueInLocale(value, date, zone, locale)}
              </span>
            )}
          </label>
        );
      })}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={!changed} data-testid="drawer-save">
        {t('board.save')}
      </button>
    </form>
  );
}
