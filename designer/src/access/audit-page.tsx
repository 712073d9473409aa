import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.js';
import { useAccessApi } from './access-api-context.js';
import type { AuditEntryView, AuditFilters } from './access-types.js';
import { AuditFiltersForm } from './audit-filters-form.js';
import { detailText, kindLabel } from './audit-wording.js';
import { actorIdOf, describeActor } from './describe-actor.js';
import { ListFooter } from './list-footer.js';
import { useMatrix } from './me-context.js';
import { NotAvailable } from './not-available.js';
import { allows } from './permissions.js';
import { usePagedList } from './use-paged-list.js';
import { useRobotNames } from './use-robot-names.js';

function subjectOf(e: AuditEntryView): string {
  if (e.entity !== undefined && e.recordId !== undefined) return `${e.entity}/${e.recordId}`;
  return e.target ?? e.entity ?? '';
}

/** The detail in the reader's words, then what changed, one field per line: `field: before → after`. */
function ChangesCell({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const changes = Object.entries(entry.changes ?? {});
  const detail = detailText(t, f, entry);
  return (
    <>
      {detail &&
        (detail.userText ? (
          <div data-user-text>{detail.text}</div>
        ) : (
          <div data-testid="audit-detail">{detail.text}</div>
        ))}
      {changes.map(([field, c]) => (
        <div key={field} className="audit-change" data-user-text>
          {field}: {f.value(c.before, 40)} → {f.value(c.after, 40)}
        </div>
      ))}
    </>
  );
}

/** Who did what, newest first, with filters and paging; CSV export for those allowed. */
export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useAccessApi();
  const canExport = allows(useMatrix(), 'audit', 'export');
  const [filters, setFilters] = useState<AuditFilters>({});
  // A new filter set is a new form (its fields start from the filters).
  const [formKey, setFormKey] = useState(0);
  const list = usePagedList(useCallback((c?: string) => api.listAudit(filters, c), [api, filters]));
  const robots = useRobotNames((list.items ?? []).map((e) => e.actor));
  if (list.missing) return <NotAvailable what={t('access.screen.audit')} />;
  return (
    <>
      <AuditFiltersForm key={formKey} value={filters} onApply={setFilters} />
      {canExport && (
        <p>
          <a href={api.auditExportUrl(filters)} download data-testid="audit-export">
            {t('access.audit.export')}
          </a>
        </p>
      )}
      <table className="model-table access-table" data-testid="audit-list">
        <thead>
          <tr>
            <th scope="col">{t('access.col.time')}</th>
            <th scope="col">{t('access.audit.actor')}</th>
            <th scope="col">{t('access.audit.kind')}</th>
            <th scope="col">{t('access.audit.subject')}</th>
            <th scope="col">{t('access.audit.outcome')}</th>
            <th scope="col">{t('access.col.address')}</th>
            <th scope="col">{t('access.audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((e) => {
            const actor = describeActor(
              t,
              e.actor,
              e.actor.kind === 'robot' ? robots.get(e.actor.modelId) : undefined,
            );
            return (
              <tr key={e.id} className={e.outcome === 'failure' ? 'failure' : ''}>
                <td className="num">{f.dateTime(e.at)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    title={
                      actor.title === undefined
                        ? t('access.audit.byActor')
                        : `${actor.title}: ${t('access.audit.byActor')}`
                    }
                    onClick={() => {
                      setFilters({ ...filters, actor: actorIdOf(e.actor) });
                      setFormKey((k) => k + 1);
                    }}
                  >
                    <span data-user-text>{actor.text}</span>
                  </button>
                </td>
                <td title={e.kind} data-testid="audit-kind-label">
                  {kindLabel(t, e.kind)}
                </td>
                <td data-user-text>{subjectOf(e)}</td>
                <td>{t(`access.audit.${e.outcome}`)}</td>
                <td>{e.address ?? ''}</td>
                <td>
                  <ChangesCell entry={e} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ListFooter list={list} />
    </>
  );
}
