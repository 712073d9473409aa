import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from './access-types.js';
import { isMissingRoute, useErrorText } from './error-text.js';

export interface PagedList<T> {
  readonly items: readonly T[] | null;
  readonly error: string | null;
  /** The runtime has no such route yet (404): the screen says "not available". */
  readonly missing: boolean;
  readonly loading: boolean;
  /** Another page follows (`nextCursor`). */
  readonly hasMore: boolean;
  more(): void;
  reload(): void;
  /** Changes the loaded rows in place (an item replayed or dropped): no page is read again. */
  update(change: (items: readonly T[]) => T[]): void;
}

/**
 * A paged list route read page by page: the first page on mount and whenever `load`
 * changes (new filters), the next one on `more()` from `nextCursor`.
 *
 * @example const list = usePagedList(useCallback((c) => api.listTokens(c), [api]));
 */
export function usePagedList<T>(load: (cursor?: string) => Promise<Page<T>>): PagedList<T> {
  const errorText = useErrorText();
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  // Only "load more" shows as loading; a new filter keeps the old rows until its answer.
  const [loadingMore, setLoadingMore] = useState(false);
  const [round, setRound] = useState(0);
  // Answers of a superseded load (filters changed meanwhile) are dropped.
  const generation = useRef(0);
  const fetchPage = useCallback(
    (after: string | undefined, append: boolean) => {
      const mine = ++generation.current;
      load(after).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems((prev) => (append && prev ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setError(null);
          setLoadingMore(false);
        },
        (e: unknown) => {
          if (mine !== generation.current) return;
          setMissing(isMissingRoute(e));
          setError(errorText(e));
          setLoadingMore(false);
        },
      );
    },
    [load, errorText],
  );
  useEffect(() => {
    fetchPage(undefined, false);
  }, [fetchPage, round]);
  // Stable, so a screen may call it from an effect.
  const update = useCallback(
    (change: (items: readonly T[]) => T[]) =>
      setItems((prev) => (prev === null ? prev : change(prev))),
    [],
  );
  return {
    items,
    error,
    missing,
    loading: loadingMore || (items === null && error === null),
    hasMore: cursor !== null,
    more: () => {
      if (cursor === null) return;
      setLoadingMore(true);
      fetchPage(cursor, true);
    },
    reload: () => setRound((r) => r + 1),
    update,
  };
}
