import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import { useFormat } from '../i18n/use-format.js';
import type { BoardApi, BoardPipeline, RecordBody, RecordItem } from './board-types.js';
import { stageRules, ruleName } from './board-rules.js';
import type { EntityField } from './entity-fields.js';
import { DrawerFields } from './drawer-fields.js';
import { timelineEntryOf, timelineSentence } from './timeline-sentence.js';
import { timeInZone, useTimelineNames } from './use-timeline-names.js';
import { WhyButton } from './why-button.js';

const LISTS = ['timers', 'tasks', 'notifications', 'documents', 'outbox', 'timeline'] as const;
type ListName = (typeof LISTS)[number];

export interface RecordDrawerProps {
  readonly api: BoardApi;
  readonly board: BoardPipeline;
  readonly recordId: string;
  readonly fields: readonly EntityField[];
  readonly directory: Directory;
  /** Changes with every live event: the drawer reloads what it shows. */
  readonly tick: number;
  onSaved(r: RecordBody): void;
  onClose(): void;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/**
 * A record opened from the board: its fields (editable, with If-Match), links, pending
 * timers (due time in the calendar's zone, why, cancel), tasks, notifications, documents,
 * outbox, the timeline, and "Why didn't it run?" for the stage's robots and triggers.
 */
export function RecordDrawer(p: RecordDrawerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { api, board, recordId, tick } = p;
  const entity = board.pipeline.entity;
  const [record, setRecord] = useState<(RecordBody & { etag?: string }) | null>(null);
  const [lists, setLists] = useState<Partial<Record<ListName, readonly RecordItem[]>>>({});
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .getRecord(entity, recordId)
      .then(setRecord, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    for (const what of LISTS)
      api.recordItems(entity, recordId, what).then(
        (page) => setLists((l) => ({ ...l, [what]: page.items })),
        () => undefined,
      );
  }, [api, entity, recordId]);
  useEffect(load, [load, tick]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && p.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [p]);
  const calendar =
    board.model.calendars?.find((c) => c.key === board.model.defaultCalendar) ??
    board.model.calendars?.[0];
  const zone = calendar?.timeZone;
  const due = (iso: string) => timeInZone(format, iso, zone);
  const names = useTimelineNames(board.pipeline, p.fields, p.directory, zone);
  const title = record === null ? recordId : str(record.fields.title) || recordId;
  const stage = board.pipeline.stages.find((s) => s.key === record?.stage);
  const section = (what: ListName, render: (item: RecordItem) => React.ReactNode) => {
    const items = lists[what];
    return (
      <section className="drawer-section" data-testid={`drawer-${what}`}>
        <h4>{t(`board.drawer.${what}`)}</h4>
        {what === 'timeline' && zone !== undefined && (
          <p className="muted">{t('board.timeline.zone', { zone })}</p>
        )}
        {items === undefined ? (
          <p className="muted">{t('app.loading')}</p>
        ) : items.length === 0 ? (
          <p className="muted">{t('board.drawer.none')}</p>
        ) : (
          <ul>
            {items.map((i) => (
              <li key={i.id}>{render(i)}</li>
            ))}
          </ul>
        )}
      </section>
    );
  };
  return (
    <aside
      className="record-drawer"
      role="dialog"
      aria-modal="false"
      aria-label={title}
      data-testid="record-drawer"
    >
      <div className="drawer-head">
        <h3 data-user-text>{title}</h3>
        <span className="muted">{stage?.name ?? record?.stage}</span>
        <button
          type="button"
          onClick={p.onClose}
          aria-label={t('board.close')}
          data-testid="drawer-close"
        >
          ✕
        </button>
      </div>
      {error !== null && <p className="error">{error}</p>}
      {record !== null && (
        <DrawerFields
          record={record}
          fields={p.fields}
          directory={p.directory}
          {...(zone === undefined ? {} : { zone })}
          onSave={async (fields) => {
            const saved = await api.patch(
              entity,
              recordId,
              fields,
              record.etag ?? `"${record.revision ?? 0}"`,
            );
            setRecord(saved);
            p.onSaved(saved);
          }}
        />
      )}
      {record !== null && record.links.length > 0 && (
        <section className="drawer-section">
          <h4>{t('board.drawer.links')}</h4>
          <ul>
            {record.links.map((l) => (
              <li key={`${l.entity}:${l.id}`}>
                {t(`entity.${l.entity}`)} <code>{l.id}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {stage !== undefined && (
        <section className="drawer-section" data-testid="drawer-why">
          <h4>{t('board.drawer.rules')}</h4>
          {/* A stage with no robot or trigger says so instead of an empty heading. */}
          {stageRules(board.modelId, stage).length === 0 && (
            <p className="muted">{t('board.drawer.none')}</p>
          )}
          <ul>
            {stageRules(board.modelId, stage).map((r) => (
              <li key={`${r.kind}:${r.id}`}>
                <a href={r.href} data-user-text>
                  {r.name}
                </a>{' '}
                <WhyButton
                  api={api}
                  entity={entity}
                  recordId={recordId}
                  kind={r.kind}
                  ruleId={r.id}
                  {...(zone === undefined ? {} : { zone })}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {section('timers', (i) => (
        <span className="drawer-timer">
          <strong>{due(str(i.dueAt))}</strong>{' '}
          {t('board.drawer.plannedBy', {
            rule: ruleName(board.pipeline, str(i.ruleId)) ?? str(i.ruleId),
          })}{' '}
          <button
            type="button"
            onClick={() => api.cancelTimer(i.id).then(load, () => undefined)}
            data-testid={`cancel-timer-${i.id}`}
          >
            {t('board.drawer.cancelTimer')}
          </button>
        </span>
      ))}
      {section('tasks', (i) => (
        <span>
          {str(i.title)} {i.status !== undefined && <em className="muted">{str(i.status)}</em>}
        </span>
      ))}
      {section('notifications', (i) => (
        <span>{str(i.text ?? i.message ?? i.title)}</span>
      ))}
      {section('documents', (i) => (
        <a href={`/api/documents/${encodeURIComponent(i.id)}/content`}>{str(i.title ?? i.id)}</a>
      ))}
      {section('outbox', (i) => (
        <span>
          {str(i.kind)} → {str(i.to ?? i.channel ?? i.url)}{' '}
          <em className="muted">{str(i.status ?? 'pending')}</em>
          {i.lastError !== undefined && <span className="error"> {str(i.lastError)}</span>}
        </span>
      ))}
      {section('timeline', (i) => (
        <span data-testid="timeline-entry">
          <span className="muted">
            {(zone === undefined ? undefined : format.dateTimeIn(str(i.at), zone)) ??
              format.dateTime(str(i.at))}
          </span>{' '}
          {timelineSentence(timelineEntryOf(i), names, t)}
        </span>
      ))}
    </aside>
  );
}
