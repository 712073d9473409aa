import { Type } from '@sinclair/typebox';
import { LiveQuery } from '../../../schemas/api/live-schemas.js';
import type { LiveEvent, LiveHub } from '../../live/live-hub.js';
import type { Access } from '../../access/access.js';
import { recordSubject } from '../../access/record-facts.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';

/** How often an idle stream sends a comment line, so proxies and clients keep it open. */
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** One SSE frame: `id`, `event` and the JSON data on one line. */
export function sseFrame(event: { id?: string; type: string; data: unknown }): string {
  return `${event.id === undefined ? '' : `id: ${event.id}\n`}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

function matches(e: LiveEvent, q: LiveQuery): boolean {
  // An event that does not say where it belongs (a removal the server had not seen)
  // goes to everyone: clients ignore ids they do not show.
  if (q.entity !== undefined && e.data.entity !== undefined && e.data.entity !== q.entity)
    return false;
  if (q.pipeline !== undefined && e.data.pipeline !== undefined && e.data.pipeline !== q.pipeline)
    return false;
  return true;
}

/**
 * Whether the caller may see an event: a record's change only when the record is in
 * their read scope (responsible, department, stage limits); a timer or outbox item when
 * they may read that entity at all (its record's responsible is not on the event).
 */
function visible(e: LiveEvent, access: Access | undefined): boolean {
  if (access === undefined) return false;
  const entity = e.data.entity;
  if (entity === undefined) return true; // only an id the client may already show
  if (e.type === 'record') {
    const d = e.data;
    const fields = d.responsible === undefined ? {} : { responsible: d.responsible };
    return access.ability.can(
      'read',
      recordSubject({ entity, fields, pipeline: d.pipeline, stage: d.stage }),
    );
  }
  return access.can('read', entity);
}

/** `GET /api/events`: live changes of records, timers and outbox items as Server-Sent Events. */
export function liveRoutes(hub: LiveHub, heartbeatMs = DEFAULT_HEARTBEAT_MS): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/events',
      tag: 'events',
      summary:
        'Live changes as Server-Sent Events (`event: record|timer|outbox`, JSON data; `reset`: reload). Each has an `id`; reconnecting with `Last-Event-ID` replays what was missed. Filters: entity, pipeline',
      query: LiveQuery,
      requestHeaders: {
        'Last-Event-ID':
          'The id of the last event seen: the stream starts with the events after it, or with `event: reset` when they are no longer kept',
      },
      produces: 'text/event-stream',
      responses: {
        200: Type.String({
          description:
            'text/event-stream: frames `id`, `event` (record: LiveRecordEvent; timer, outbox: LiveItemEvent; reset: LiveReset) and `data` (JSON); comment lines are heartbeats',
        }),
        400: ErrorBody,
      },
      permission: 'signed-in',
      handle: async (r) => {
        const q = r.query as LiveQuery;
        const lastId = r.headers['last-event-id'] ?? q.lastEventId;
        return {
          stream: {
            open(send, end) {
              send(`retry: 1000\n\n`);
              const deliver = (e: LiveEvent): void => {
                if (matches(e, q) && visible(e, r.access))
                  send(sseFrame({ id: e.id, type: e.type, data: e.data }));
              };
              if (lastId !== undefined && lastId !== '') {
                const missed = hub.since(lastId);
                if (missed === 'reset')
                  send(
                    sseFrame({
                      id: hub.lastId(),
                      type: 'reset',
                      data: { reason: 'the events since Last-Event-ID are no longer kept: reload' },
                    }),
                  );
                else missed.forEach(deliver);
              } else
                // Gives the client an id at once: a reconnect before any change still catches up.
                send(sseFrame({ id: hub.lastId(), type: 'ready', data: {} }));
              const stop = hub.subscribe(deliver, end);
              const beat = setInterval(() => send(`: heartbeat\n\n`), heartbeatMs);
              beat.unref();
              return () => {
                clearInterval(beat);
                stop();
              };
            },
          },
        };
      },
    },
  ];
}
