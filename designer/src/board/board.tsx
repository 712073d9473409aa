import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../schemas/index.js';
import { useFormat } from '../i18n/use-format.js';
import { useBoardApi } from './board-api-context.js';
import { BoardColumn } from './board-column.js';
import { BoardFilterBar } from './board-filters.js';
import { ruleName, stageRules } from './board-rules.js';
import type { BoardFilters, BoardPipeline } from './board-types.js';
import { ColumnHeader } from './column-header.js';
import { entityFields } from './entity-fields.js';
import { RecordCard } from './record-card.js';
import { RecordDrawer } from './record-drawer.js';
import { relativeDue } from './relative-due.js';
import { useBoard } from './use-board.js';

/** Filters typed in settle this long before the columns reload. */
const TYPING_MS = 300;

function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), TYPING_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/** A clock for "in 14 min" that ticks every 30 s. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface BoardProps {
  readonly board: BoardPipeline;
  readonly directory: Directory;
  readonly filters: BoardFilters;
  readonly mine: boolean;
  /** The signed-in person's directory user. */
  readonly me?: string | undefined;
  onFilters(f: BoardFilters): void;
  onMine(on: boolean): void;
}

/** The live board of one pipeline: filters, one column per stage, the record drawer. */
export function Board(p: BoardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useBoardApi();
  const now = useNow();
  const filters = useSettled(p.filters);
  const responsible = p.mine ? p.me : filters.responsible;
  const fields = useMemo(
    () => entityFields(p.board.model, p.board.pipeline.entity, i18n.language),
    [p.board, i18n.language],
  );
  const b = useBoard(api, p.board, filters, responsible, fields);
  const [open, setOpen] = useState<string | null>(null);
  const names = useMemo(
    () => new Map(p.directory.users.map((u) => [u.key, u.name])),
    [p.directory],
  );
  const { stages } = p.board.pipeline;
  return (
    <div className="board-wrap">
      <div className="board-bar">
        <BoardFilterBar
          filters={p.filters}
          mine={p.mine}
          canMine={p.me !== undefined}
          directory={p.directory}
          onChange={p.onFilters}
          onMine={p.onMine}
        />
        <span className={`live-state live-${b.live}`} role="status" data-testid="live-state">
          {t(`board.live.${b.live}`)}
        </span>
      </div>
      <div className="board" data-testid="board">
        {stages.map((stage) => {
          const col = b.columns[stage.key];
          const total = b.totals[stage.key];
          return (
            <BoardColumn
              key={stage.key}
              stage={stage}
              header={
                <ColumnHeader
                  stage={stage}
                  {...(total === undefined ? {} : { count: total.count, amount: total.amount })}
                  rules={stageRules(p.board.modelId, stage)}
                />
              }
              records={col?.items ?? []}
              hasMore={col !== undefined && !col.done}
              loading={col === undefined || col.loading}
              onLoadMore={() => b.loadMore(stage.key)}
              onDropRecord={(id) => void b.move(id, stage.key)}
              onCreate={(f) => b.create(stage.key, f)}
              renderCard={(record) => {
                const timer = b.timers.get(record.id);
                const card = b.cards[record.id];
                const who =
                  typeof record.fields.responsible === 'string'
                    ? (names.get(record.fields.responsible) ?? record.fields.responsible)
                    : undefined;
                return (
                  <RecordCard
                    record={record}
                    {...(who === undefined ? {} : { responsibleName: who })}
                    {...(timer === undefined
                      ? {}
                      : {
                          nextTimer: t('board.nextTimer', {
                            name: ruleName(p.board.pipeline, timer.ruleId) ?? timer.ruleId,
                            when: relativeDue(format.locale, timer.dueAt, now),
                          }),
                        })}
                    stages={stages}
                    {...(card?.error === undefined ? {} : { error: card.error })}
                    {...(card?.ask === undefined ? {} : { ask: card.ask })}
                    busy={card?.busy === true}
                    onOpen={() => setOpen(record.id)}
                    onMove={(s) => void b.move(record.id, s)}
                    onAnswer={(values) =>
                      card?.ask !== undefined && void b.move(record.id, card.ask.stage, values)
                    }
                    onCancelAsk={() => b.dismiss(record.id)}
                  />
                );
              }}
            />
          );
        })}
      </div>
      {open !== null && (
        <RecordDrawer
          api={api}
          board={p.board}
          recordId={open}
          fields={fields}
          directory={p.directory}
          tick={b.tick}
          onSaved={b.place}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
