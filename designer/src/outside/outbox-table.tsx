import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxView } from './outside-api.js';

/**
 * Outgoing items with their status and last error (the runtime redacts secrets). Rows
 * name the record, robot and model as the admin typed them; ids sit in tooltips.
 */
export function OutboxTable(p: {
  items: readonly OutboxView[];
  empty: string;
  testId: string;
  actions?: (item: OutboxView) => ReactNode;
}) {
  const { t } = useTranslation();
  if (p.items.length === 0) return <p data-testid={p.testId}>{p.empty}</p>;
  return (
    <table className="outside-table" data-testid={p.testId}>
      <thead>
        <tr>
          <th scope="col">{t('outside.kind')}</th>
          <th scope="col">{t('outside.record')}</th>
          <th scope="col">{t('outside.producedBy')}</th>
          <th scope="col">{t('outside.to')}</th>
          <th scope="col">{t('outside.status')}</th>
          <th scope="col">{t('outside.attempts')}</th>
          <th scope="col">{t('outside.error')}</th>
          {p.actions && (
            <th scope="col">
              <span className="visually-hidden">{t('outside.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {p.items.map((item) => (
          <tr key={item.id} data-testid={`outbox-row-${item.id}`}>
            <td title={item.id}>{t(`outside.kinds.${item.kind}`, { defaultValue: item.kind })}</td>
            <td title={item.recordId} data-user-text>
              {item.recordTitle ?? item.recordId}
            </td>
            <td title={[item.modelId, item.ruleId].filter(Boolean).join(' · ')} data-user-text>
              {item.ruleName ?? item.ruleId ?? '—'}
              {item.modelName !== undefined && <div className="muted">{item.modelName}</div>}
            </td>
            <td>{item.to ?? item.subject ?? ''}</td>
            <td>{t(`outside.statuses.${item.status ?? 'kept'}`)}</td>
            <td>{item.attempts ?? 0}</td>
            <td className="outside-error">
              {item.lastErrorCode === undefined
                ? (item.lastError ?? '')
                : t(`outside.errors.${item.lastErrorCode}`, {
                    ...item.lastErrorParams,
                    defaultValue: item.lastError ?? '',
                  })}
              {item.response?.excerpt ? ` — ${item.response.excerpt}` : ''}
            </td>
            {p.actions && <td className="outside-actions">{p.actions(item)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
