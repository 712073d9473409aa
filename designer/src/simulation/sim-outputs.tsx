import { useTranslation } from 'react-i18next';
import type { SimulationResult } from '../../../schemas/simulation/index.js';
import { useFormat } from '../i18n/use-format.js';
import { formatMinute } from './describe-entry.js';

/** Items keep every property the runtime stored (`additionalProperties`). */
type Item = Readonly<Record<string, unknown>> & { readonly id: string; readonly minute: number };
const items = (xs: readonly object[]) => xs as readonly Item[];

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);

/**
 * What the run produced, as it would look: emails, messages and documents with their
 * placeholders filled, tasks and notifications, each at its virtual time. Nothing here
 * was sent: the simulation keeps its own outbox.
 */
export function SimOutputs({ result }: { result: SimulationResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const empty = result.outbox.length + result.tasks.length + result.notifications.length === 0;
  // Records the automation created get refs auto-1, auto-2, ...: steps and expectations
  // may name them, so the panel shows them.
  const created = items(result.records).filter((r) => text(r.ref).startsWith('auto-'));
  return (
    <div className="sim-outputs" data-testid="sim-outputs">
      {created.length > 0 && (
        <section className="sim-created" data-testid="sim-created">
          <h4>{t('simulation.createdRecords')}</h4>
          <ul>
            {created.map((r) => {
              const fields = (r.fields ?? {}) as Record<string, unknown>;
              return (
                <li key={r.id} data-testid={`sim-record-${text(r.ref)}`}>
                  <code>{text(r.ref)}</code> · {t(`entity.${text(r.entity)}`)}
                  {r.pipeline !== undefined && (
                    <>
                      {' '}
                      · {text(r.pipeline)} / {text(r.stage)}
                    </>
                  )}
                  {fields.title !== undefined && (
                    <span data-user-text> · {text(fields.title)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {empty && <p className="muted">{t('simulation.nothingSent')}</p>}
      {items(result.outbox).map((o) => (
        <article
          key={o.id}
          className={`sim-card sim-card-${text(o.kind)}`}
          data-testid="sim-outbox"
        >
          <header>
            <span className="sim-time">{formatMinute(o.minute, t)}</span>{' '}
            <strong>
              {t(`simulation.outboxKind.${text(o.kind)}`, { defaultValue: text(o.kind) })}
            </strong>
            {o.to !== undefined && <> {t('simulation.to', { to: text(o.to) })}</>}
            {o.channel !== undefined && <> ({text(o.channel)})</>}
          </header>
          {o.subject !== undefined && <h4 data-user-text>{text(o.subject)}</h4>}
          <pre data-user-text>{text(o.body)}</pre>
        </article>
      ))}
      {items(result.tasks).map((task) => (
        <article key={task.id} className="sim-card sim-card-task" data-testid="sim-task">
          <header>
            <span className="sim-time">{formatMinute(task.minute, t)}</span>{' '}
            <strong>{t('simulation.task')}</strong>{' '}
            {task.assignee !== undefined && t('simulation.for', { who: text(task.assignee) })}
            {typeof task.deadline === 'string' && (
              <> · {t('simulation.deadline', { at: f.dateTime(task.deadline) })}</>
            )}
          </header>
          <h4 data-user-text>{text(task.title)}</h4>
          {task.description !== undefined && <pre data-user-text>{text(task.description)}</pre>}
        </article>
      ))}
      {items(result.notifications).map((n) => (
        <article
          key={n.id}
          className="sim-card sim-card-notification"
          data-testid="sim-notification"
        >
          <header>
            <span className="sim-time">{formatMinute(n.minute, t)}</span>{' '}
            <strong>{t('simulation.notification')}</strong>{' '}
            {t('simulation.to', { to: text(n.recipient) })}
          </header>
          <p data-user-text>{text(n.message)}</p>
        </article>
      ))}
    </div>
  );
}
