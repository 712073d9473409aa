import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATRIX_ENTITIES, type AuditFilters } from './access-types.js';

/** `datetime-local` (read as UTC, as every time on screen is) to ISO, or undefined. */
function isoOf(local: string): string | undefined {
  if (local === '') return undefined;
  const d = new Date(`${local}:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function localOf(iso: string | undefined): string {
  return iso === undefined ? '' : iso.slice(0, 16);
}

/** The audit log's filters; applied on submit. */
export function AuditFiltersForm(p: {
  readonly value: AuditFilters;
  onApply(f: AuditFilters): void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState(p.value);
  const [from, setFrom] = useState(localOf(p.value.from));
  const [to, setTo] = useState(localOf(p.value.to));
  const text = (key: 'actor' | 'record' | 'kind', testId: string) => (
    <label>
      {t(`access.audit.${key}`)}
      <input
        value={f[key] ?? ''}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
        data-testid={testId}
      />
    </label>
  );
  return (
    <form
      className="audit-filters"
      data-testid="audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        const next: AuditFilters = { ...f };
        const fromIso = isoOf(from);
        const toIso = isoOf(to);
        p.onApply({
          ...next,
          from: fromIso,
          to: toIso,
        });
      }}
    >
      {text('actor', 'audit-actor')}
      <label>
        {t('access.audit.entity')}
        <select
          value={f.entity ?? ''}
          onChange={(e) => setF({ ...f, entity: e.target.value })}
          data-testid="audit-entity"
        >
          <option value="">{t('access.audit.any')}</option>
          {MATRIX_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`access.entity.${e}`)}
            </option>
          ))}
        </select>
      </label>
      {text('record', 'audit-record')}
      {text('kind', 'audit-kind')}
      <label>
        {t('access.audit.from')}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('access.audit.to')}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="audit-apply">
        {t('access.audit.apply')}
      </button>
      <button
        type="button"
        onClick={() => {
          setF({});
          setFrom('');
          setTo('');
          p.onApply({});
        }}
      >
        {t('access.audit.clear')}
      </button>
    </form>
  );
}
