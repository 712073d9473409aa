/** One parsed Server-Sent Event. */
export interface SseEvent {
  id?: string;
  type: string;
  // Tests read data loosely; each assertion checks the shape it relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** A test's SSE connection: collected events, waiting for one, closing. */
export interface SseClient {
  status: number;
  contentType: string | null;
  events: SseEvent[];
  /** Comment lines seen (heartbeats). */
  comments: number;
  /** Resolves with the first event (already seen or coming) that `match` accepts. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/**
 * Opens `url` with fetch and parses its `text/event-stream` body (Node has no
 * EventSource that sends an Authorization header).
 */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const client: SseClient = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    comments: 0,
    next(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = events.find(match);
          if (hit !== undefined) resolve(hit);
          return hit !== undefined;
        };
        if (check()) return;
        const timer = setTimeout(
          () => reject(new Error(`no such event; got ${JSON.stringify(events)}`)),
          timeoutMs,
        );
        const waiter = (): void => {
          if (check()) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(waiter), 1);
          }
        };
        waiters.push(waiter);
      });
    },
    close: () => abort.abort(),
  };
  if (res.body === null || res.status !== 200) return client;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: Partial<SseEvent> & { lines: string[] } = { lines: [] };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments += 1;
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.type = line.slice(7);
            else if (line.startsWith('data: ')) e.lines.push(line.slice(6));
          }
          if (e.type === undefined && e.lines.length === 0) continue;
          events.push({
            ...(e.id === undefined ? {} : { id: e.id }),
            type: e.type ?? 'message',
            data: JSON.parse(e.lines.join('\n')),
          });
          for (const w of [...waiters]) w();
        }
      }
    } catch {
      // Aborted by close(): nothing more to read.
    }
  })();
  return client;
}
