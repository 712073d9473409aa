import type { EntityType } from '../../../schemas/index.js';
import type { LiveMessage, LiveState } from './board-types.js';

/** Wait before opening a new stream after the browser gave up on one (grows to 10 s). */
const RETRY_MS = [500, 1000, 2000, 5000, 10_000] as const;

/**
 * Opens `GET /api/events` as an `EventSource` (the session cookie goes with it). The
 * browser reconnects by itself with `Last-Event-ID`; when it gives up (the server was
 * down and answered an error), a new stream is opened with `lastEventId` in the query,
 * so nothing in between is missed (or a `reset` says reload).
 */
export function subscribeLive(
  url: string,
  filter: { readonly entity: EntityType; readonly pipeline: string },
  on: (m: LiveMessage) => void,
  state: (s: LiveState) => void,
): () => void {
  let lastId: string | undefined;
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  const open = (): void => {
    const q = new URLSearchParams({ entity: filter.entity, pipeline: filter.pipeline });
    if (lastId !== undefined) q.set('lastEventId', lastId);
    const es = new EventSource(`${url}?${q.toString()}`);
    source = es;
    state('connecting');
    const seen = (e: MessageEvent): void => {
      if (e.lastEventId !== '') lastId = e.lastEventId;
    };
    es.addEventListener('open', () => {
      failures = 0;
      state('live');
    });
    es.addEventListener('ready', (e) => seen(e as MessageEvent));
    for (const type of ['record', 'timer', 'outbox'] as const)
      es.addEventListener(type, (e) => {
        const m = e as MessageEvent<string>;
        seen(m);
        on({ type, data: JSON.parse(m.data) } as LiveMessage);
      });
    es.addEventListener('reset', (e) => {
      seen(e as MessageEvent);
      on({ type: 'reset' });
    });
    es.addEventListener('error', () => {
      if (stopped) return;
      if (es.readyState === EventSource.CLOSED) {
        state('offline');
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures += 1;
        retry = setTimeout(open, wait);
      } else state('connecting');
    });
  };
  open();
  return () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    source?.close();
  };
}
