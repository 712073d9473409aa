import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import type { RecordBody } from './board-types.js';
import type { EntityField } from './entity-fields.js';

const NUMERIC = new Set(['number', 'money']);
/** Kept by the runtime; not edited here. */
const READ_ONLY = new Set(['createdAt', 'updatedAt']);

const shown = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** The record's fields as a form; Save sends only what changed (with If-Match). */
export function DrawerFields({
  record,
  fields,
  directory,
  onSave,
}: {
  record: RecordBody;
  fields: readonly EntityField[];
  directory: Directory;
  onSave(fields: Record<string, unknown>): Promise<void>;
}) {
  const { t } = useTranslation();
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
          out[k] = v === '' ? null : NUMERIC.has(f?.type ?? '') ? Number(v) : v;
        }
        onSave(out).then(
          () => setEdits({}),
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      {editable.map((f) => {
        const value = edits[f.key] ?? shown(record.fields[f.key]);
        const set = (v: string) => setEdits((e) => ({ ...e, [f.key]: v }));
        return (
          <label key={f.key}>
            <span>{f.label}</span>
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
                type={NUMERIC.has(f.type) ? 'number' : 'text'}
                value={value}
                onChange={(e) => set(e.target.value)}
                data-testid={`field-${f.key}`}
              />
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
