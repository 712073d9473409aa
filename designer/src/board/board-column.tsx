import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Stage } from '../../../schemas/index.js';
import type { RecordBody } from './board-types.js';
import { NewRecordForm } from './new-record-form.js';

/** A card's height before it is measured (cards grow with a timer, error or form). */
const ESTIMATE = 92;

export interface BoardColumnProps {
  readonly stage: Stage;
  readonly header: ReactNode;
  readonly records: readonly RecordBody[];
  /** More records on the server (the next page is loaded near the end of the list). */
  readonly hasMore: boolean;
  readonly loading: boolean;
  renderCard(record: RecordBody): ReactNode;
  onLoadMore(): void;
  onDropRecord(recordId: string): void;
  onCreate(fields: { title: string; amount?: number }): Promise<void>;
}

/**
 * One stage: its header, then its cards in a virtualised list (only the visible ones
 * are in the page), loading the next page as the end comes near; a drop target.
 */
export function BoardColumn(p: BoardColumnProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const v = useVirtualizer({
    count: p.records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    getItemKey: (i) => p.records[i]?.id ?? i,
  });
  const items = v.getVirtualItems();
  const last = items[items.length - 1];
  const { hasMore, loading, onLoadMore } = p;
  useEffect(() => {
    if (hasMore && !loading && (last === undefined || last.index >= p.records.length - 10))
      onLoadMore();
  }, [hasMore, loading, onLoadMore, last, p.records.length]);
  return (
    <section
      className={`board-column${over ? ' drop-over' : ''}`}
      data-testid={`column-${p.stage.key}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('text/x-conveyor-record')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer.getData('text/x-conveyor-record');
        if (id !== '') {
          e.preventDefault();
          p.onDropRecord(id);
        }
      }}
    >
      {p.header}
      <NewRecordForm stageName={p.stage.name} onCreate={p.onCreate} />
      <div className="column-scroll" ref={scroller} tabIndex={-1}>
        <ul
          className="column-cards"
          aria-label={p.stage.name}
          aria-busy={p.loading}
          data-loaded={p.records.length}
          data-more={p.hasMore}
          style={{ height: v.getTotalSize() }}
        >
          {items.map((item) => {
            const record = p.records[item.index];
            if (record === undefined) return null;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={v.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {p.renderCard(record)}
              </li>
            );
          })}
        </ul>
        {p.loading && <p className="muted column-loading">{t('app.loading')}</p>}
        {!p.loading && p.records.length === 0 && (
          <p className="muted column-empty">{t('board.empty')}</p>
        )}
      </div>
    </section>
  );
}
