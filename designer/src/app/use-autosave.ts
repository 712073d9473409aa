import { useEffect, useRef, useState } from 'react';
import type { AutomationModel } from '../../../schemas/index.js';
import { ApiError, type ApiClient } from '../api/api-types.js';
import { clearBackup, writeBackup } from './local-backup.js';

export type SaveState =
  | { status: 'saved' | 'saving' | 'unsaved' }
  | { status: 'failed'; message: string }
  /** Someone else saved the draft since it was loaded here: nothing more is saved. */
  | { status: 'conflict'; updatedBy: string; updatedAt: string; etag?: string };

/** Browsers refuse `keepalive` bodies above 64 KiB; larger drafts rely on the backup. */
const KEEPALIVE_LIMIT = 60_000;
const BACKUP_DELAY_MS = 150;

/**
 * Saves the draft to the runtime (PUT with `If-Match`) shortly after each change, also
 * when it does not match the schema (the runtime keeps it; publishing refuses it). Each
 * change is also kept in localStorage until the runtime confirms it. `flush` saves now
 * (before publishing), `flushOnHide` sends what is unsaved with `keepalive` as the page
 * goes away. A 412 turns into a `conflict`: autosave stops until the admin reloads or
 * overwrites.
 */
export function useAutosave(
  api: ApiClient,
  model: AutomationModel,
  initialEtag?: string,
  delayMs = 600,
) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const saved = useRef(model);
  const etag = useRef(initialEtag);
  const conflict = useRef(false);
  const pending = useRef<Promise<void> | null>(null);
  const inFlight = useRef(false);
  const latest = useRef(model);
  useEffect(() => {
    latest.current = model;
  }, [model]);

  // One save at a time (each carries the ETag the previous one answered); the fetch
  // is issued synchronously, which the page-hide save relies on.
  const save = async (keepalive = false): Promise<void> => {
    const m = latest.current;
    if (m === saved.current || conflict.current) return;
    setState({ status: 'saving' });
    inFlight.current = true;
    try {
      const res = await api.saveModel(m, {
        ...(etag.current === undefined ? {} : { ifMatch: etag.current }),
        ...(keepalive ? { keepalive } : {}),
      });
      saved.current = m;
      if (res.etag !== undefined) etag.current = res.etag;
      if (latest.current === m) {
        clearBackup(m.id);
        setState({ status: 'saved' });
      } else setState({ status: 'unsaved' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        conflict.current = true;
        const d = e.details;
        setState({
          status: 'conflict',
          updatedBy: typeof d.updatedBy === 'string' ? d.updatedBy : '?',
          updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
          ...(typeof d.etag === 'string' ? { etag: d.etag } : {}),
        });
      } else setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      inFlight.current = false;
    }
  };

  useEffect(() => {
    if (model === saved.current) return;
    // Shortly after typing stops, not per keystroke: a 1,000-robot model is ~1 MB of JSON.
    const backup = setTimeout(() => writeBackup(model), BACKUP_DELAY_MS);
    if (conflict.current) return () => clearTimeout(backup);
    setState({ status: 'unsaved' });
    const id = setTimeout(() => {
      pending.current = (pending.current ?? Promise.resolve()).then(() => save());
    }, delayMs);
    return () => {
      clearTimeout(id);
      clearTimeout(backup);
    };
    // save reads refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, delayMs]);

  const flush = async () => {
    await pending.current;
    await save();
  };

  /** The page is going away: keep the edit locally and send it now if nothing is in flight. */
  const flushOnHide = () => {
    const m = latest.current;
    if (m === saved.current) return;
    writeBackup(m);
    if (conflict.current) return;
    const keepalive = JSON.stringify(m).length < KEEPALIVE_LIMIT;
    pending.current = inFlight.current
      ? (pending.current ?? Promise.resolve()).then(() => save(keepalive))
      : save(keepalive);
  };

  /** The runtime's draft replaced the one here (reload, rollback, discard). */
  const markSaved = (m: AutomationModel, newEtag?: string) => {
    saved.current = m;
    latest.current = m;
    if (newEtag !== undefined) etag.current = newEtag;
    conflict.current = false;
    clearBackup(m.id);
    setState({ status: 'saved' });
  };

  /** Saves the edit over the other change (after a conflict), from its ETag. */
  const overwrite = async (otherEtag: string | undefined) => {
    etag.current = otherEtag;
    conflict.current = false;
    await save();
  };

  return { state, flush, flushOnHide, markSaved, overwrite };
}
