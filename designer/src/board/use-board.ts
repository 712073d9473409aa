import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-types.js';
import type {
  BoardApi,
  BoardFilters,
  BoardPipeline,
  LiveMessage,
  LiveState,
  PendingTimer,
  RecordBody,
  StageTotal,
} from './board-types.js';
import type { MoveAsk } from './record-card.js';
import type { EntityField } from './entity-fields.js';

/** Records per page of a column. */
const PAGE = '50';

export interface ColumnState {
  readonly items: readonly RecordBody[];
  readonly cursor: string | null;
  readonly done: boolean;
  readonly loading: boolean;
}

/** What a card shows besides its record: a refused move, a question, work in flight. */
export interface CardState {
  readonly error?: string;
  readonly ask?: MoveAsk;
  readonly busy?: boolean;
}

const EMPTY: ColumnState = { items: [], cursor: null, done: false, loading: false };
const etagOf = (r: RecordBody) => `"${r.revision ?? 0}"`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether a record passes the board's filters (the same rules as the list route). */
function passes(r: RecordBody, f: BoardFilters, responsible: string | undefined): boolean {
  const title = typeof r.fields.title === 'string' ? r.fields.title : '';
  const amount = r.fields.amount;
  if (responsible !== undefined && responsible !== '' && r.fields.responsible !== responsible)
    return false;
  if (f.text && !title.toLowerCase().includes(f.text.toLowerCase())) return false;
  if (f.amountMin && !(typeof amount === 'number' && amount >= Number(f.amountMin))) return false;
  if (f.amountMax && !(typeof amount === 'number' && amount <= Number(f.amountMax))) return false;
  return true;
}

/**
 * The board's data: columns loaded page by page, server-side totals, the next timer of
 * each record, moves (asking for required fields), new records, and live updates.
 */
export function useBoard(
  api: BoardApi,
  board: BoardPipeline,
  filters: BoardFilters,
  /** The responsible filter actually applied ("my records" resolved). */
  responsible: string | undefined,
  fields: readonly EntityField[],
) {
  const { pipeline, modelId } = board;
  const entity = pipeline.entity;
  const [columns, setColumns] = useState<Record<string, ColumnState>>({});
  const [totals, setTotals] = useState<Record<string, StageTotal>>({});
  const [timers, setTimers] = useState<ReadonlyMap<string, PendingTimer>>(new Map());
  const [cards, setCards] = useState<Record<string, CardState>>({});
  const [live, setLive] = useState<LiveState>('connecting');
  /** Bumped by every live change, so an open drawer reloads what it shows. */
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const query = useMemo(
    () => ({
      model: modelId,
      pipeline: pipeline.key,
      ...(responsible ? { responsible } : {}),
      ...(filters.text ? { q: filters.text } : {}),
      ...(filters.amountMin ? { amountMin: filters.amountMin } : {}),
      ...(filters.amountMax ? { amountMax: filters.amountMax } : {}),
    }),
    [modelId, pipeline.key, responsible, filters.text, filters.amountMin, filters.amountMax],
  );
  const stageKeys = useMemo(() => pipeline.stages.map((s) => s.key), [pipeline]);

  const loadTotals = useCallback(() => {
    api.stageTotals(entity, query, stageKeys).then(
      (list) => setTotals(Object.fromEntries(list.map((t) => [t.stage, t]))),
      () => undefined,
    );
  }, [api, entity, query, stageKeys]);
  const loadTimers = useCallback(() => {
    api.timers(modelId, entity).then(
      (list) => {
        const next = new Map<string, PendingTimer>();
        for (const t of list) if (!next.has(t.recordId)) next.set(t.recordId, t);
        setTimers(next);
      },
      () => undefined,
    );
  }, [api, modelId, entity]);

  /** One page of a column; the first page replaces what the column showed. */
  const fetchPage = useCallback(
    (stage: string, cursor: string | null, gen: number) => {
      api.records(entity, { ...query, stage, limit: PAGE }, cursor).then(
        (page) => {
          if (gen !== generation.current) return;
          setColumns((c) => {
            const before = cursor === null ? [] : (c[stage]?.items ?? []);
            const seen = new Set(before.map((r) => r.id));
            return {
              ...c,
              [stage]: {
                items: [...before, ...page.items.filter((r) => !seen.has(r.id))],
                cursor: page.nextCursor,
                done: page.nextCursor === null,
                loading: false,
              },
            };
          });
        },
        () =>
          gen === generation.current &&
          setColumns((c) => ({
            ...c,
            [stage]: { ...(c[stage] ?? EMPTY), loading: false, done: true },
          })),
      );
    },
    [api, entity, query],
  );

  const fetchAll = useCallback(() => {
    generation.current += 1;
    for (const s of stageKeys) fetchPage(s, null, generation.current);
    loadTotals();
    loadTimers();
  }, [stageKeys, fetchPage, loadTotals, loadTimers]);
  // Filters changed: the first pages replace the columns as they arrive.
  useEffect(fetchAll, [fetchAll]);
  /** Everything again, from empty columns (a `reset` from the live stream). */
  const reload = useCallback(() => {
    setColumns({});
    fetchAll();
  }, [fetchAll]);

  const loadMore = useCallback(
    (stage: string) => {
      const c = columns[stage];
      if (c === undefined || c.loading || c.done) return;
      setColumns((all) => ({ ...all, [stage]: { ...c, loading: true } }));
      fetchPage(stage, c.cursor, generation.current);
    },
    [columns, fetchPage],
  );

  /** Puts a record where it now belongs (or takes it off the board). */
  const place = useCallback(
    (r: RecordBody | { id: string; gone: true }) => {
      setColumns((cols) => {
        const out: Record<string, ColumnState> = {};
        const here =
          !('gone' in r) &&
          r.model === modelId &&
          r.pipeline === pipeline.key &&
          passes(r, filters, responsible);
        for (const [stage, c] of Object.entries(cols)) {
          const at = c.items.findIndex((x) => x.id === r.id);
          let items = c.items;
          if (here && stage === r.stage) {
            items = at >= 0 ? items.map((x) => (x.id === r.id ? r : x)) : [r, ...items];
          } else if (at >= 0) items = items.filter((x) => x.id !== r.id);
          out[stage] = items === c.items ? c : { ...c, items };
        }
        return out;
      });
    },
    [modelId, pipeline.key, filters, responsible],
  );

  // Totals and timers follow changes; bursts (a robot chain) make one reload.
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshSoon = useCallback(() => {
    if (settle.current !== undefined) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      loadTotals();
      loadTimers();
    }, 150);
  }, [loadTotals, loadTimers]);

  const findRecord = useCallback(
    (id: string): RecordBody | undefined => {
      for (const c of Object.values(columns)) {
        const r = c.items.find((x) => x.id === id);
        if (r !== undefined) return r;
      }
      return undefined;
    },
    [columns],
  );
  const columnsRef = useRef(columns);
  useEffect(() => {
    columnsRef.current = columns;
  }, [columns]);

  const onLive = useCallback(
    (m: LiveMessage) => {
      setTick((n) => n + 1);
      if (m.type === 'reset') return reload();
      if (m.type === 'record') {
        const e = m.data;
        if (e.kind === 'deleted') place({ id: e.id, gone: true });
        else {
          const shown = Object.values(columnsRef.current)
            .flatMap((c) => c.items)
            .find((x) => x.id === e.id);
          // Our own move already shows this revision.
          if (shown === undefined || shown.revision !== e.revision || shown.stage !== e.stage)
            api.getRecord(entity, e.id).then(place, () => place({ id: e.id, gone: true }));
        }
      }
      refreshSoon();
    },
    [api, entity, place, reload, refreshSoon],
  );
  useEffect(
    () => api.subscribe({ entity, pipeline: pipeline.key }, onLive, setLive),
    [api, entity, pipeline.key, onLive],
  );

  const setCard = (id: string, s: CardState | undefined) =>
    setCards((c) => {
      const next = { ...c };
      if (s === undefined) delete next[id];
      else next[id] = s;
      return next;
    });

  const move = useCallback(
    async (id: string, stage: string, answers?: Record<string, unknown>) => {
      const r = findRecord(id);
      if (r === undefined || (r.stage === stage && answers === undefined)) return;
      setCard(id, { busy: true });
      try {
        const moved = await api.move(entity, id, stage, answers, etagOf(r));
        setCard(id, undefined);
        place(moved);
        refreshSoon();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'REQUIRED_FIELDS_MISSING') {
          const keys = e.diagnostics
            .map((d) => (d.params as { field?: string } | undefined)?.field)
            .filter((k): k is string => typeof k === 'string');
          const target = pipeline.stages.find((s) => s.key === stage);
          setCard(id, {
            ask: {
              stage,
              stageName: target?.name ?? stage,
              fields: keys.map((k) => {
                const f = fields.find((x) => x.key === k);
                return { key: k, label: f?.label ?? k, type: f?.type ?? 'string' };
              }),
            },
          });
        } else {
          setCard(id, { error: message(e) });
          // A stale card (412) or a refused move: show what the server has now.
          api.getRecord(entity, id).then(place, () => undefined);
        }
      }
    },
    [api, entity, fields, findRecord, pipeline.stages, place, refreshSoon],
  );

  const create = useCallback(
    async (stage: string, f: { title: string; amount?: number }) => {
      const made = await api.createRecord(entity, {
        model: modelId,
        pipeline: pipeline.key,
        stage,
        fields: { ...f, ...(responsible ? { responsible } : {}) },
      });
      // The create answer has no revision yet: read it, so a move right after holds If-Match.
      place(await api.getRecord(entity, made.id).catch(() => made));
      refreshSoon();
    },
    [api, entity, modelId, pipeline.key, place, refreshSoon, responsible],
  );

  return {
    columns,
    totals,
    timers,
    cards,
    live,
    tick,
    loadMore,
    move,
    create,
    place,
    dismiss: (id: string) => setCard(id, undefined),
  };
}
