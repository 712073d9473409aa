import type { Response } from 'express';
import type { EventStream } from './route.js';

/**
 * Starts a Server-Sent Events answer: no caching or proxy buffering, headers sent at
 * once, and the stream's cleanup run exactly once, whether the client leaves or the
 * stream ends itself (server shutdown).
 */
export function openStream(res: Response, stream: EventStream): void {
  res.status(200).set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  // Set once `open` returns; `finish` may run before (the stream ends at once).
  const opened: { cleanup?: () => void } = {};
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    opened.cleanup?.();
    if (!res.writableEnded) res.end();
  };
  // The response's close: the client went away (the request's fires once its body is read).
  res.on('close', finish);
  opened.cleanup = stream.open((frame) => {
    if (!done) res.write(frame);
  }, finish);
  if (done) opened.cleanup();
}
