import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../schemas/index.js';
import { useFormat } from '../i18n/use-format.js';
import type { RecordBody } from './board-types.js';
import { RequiredFieldsForm, type AskedField } from './required-fields-form.js';

/** What a card asks before a move can go on: the fields the target stage requires. */
export interface MoveAsk {
  readonly stage: string;
  readonly stageName: string;
  readonly fields: readonly AskedField[];
}

export interface RecordCardProps {
  readonly record: RecordBody;
  readonly responsibleName?: string;
  /** "Reminder in 14 min": the next pending timer. */
  readonly nextTimer?: string;
  /** The stages it may move to (the card's menu). */
  readonly stages: readonly Stage[];
  /** Why the last move was refused. */
  readonly error?: string;
  readonly ask?: MoveAsk;
  readonly busy?: boolean;
  onOpen(): void;
  onMove(stage: string): void;
  onAnswer(fields: Record<string, unknown>): void;
  onCancelAsk(): void;
}

/** A record on the board: title, amount, responsible, next timer; drag it or use its menu. */
export function RecordCard(p: RecordCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const menu = useRef<HTMLDetailsElement>(null);
  const titleId = useId();
  const title =
    typeof p.record.fields.title === 'string' && p.record.fields.title !== ''
      ? p.record.fields.title
      : p.record.id;
  const amount = p.record.fields.amount;
  return (
    <div
      className={`board-card${p.busy ? ' busy' : ''}`}
      role="group"
      tabIndex={0}
      aria-labelledby={titleId}
      draggable
      data-testid={`card-${p.record.id}`}
      data-record-id={p.record.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-conveyor-record', p.record.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) p.onOpen();
      }}
    >
      <button type="button" className="card-title link-like" id={titleId} onClick={p.onOpen}>
        <span data-user-text>{title}</span>
      </button>
      <div className="card-meta">
        {typeof amount === 'number' && (
          <span className="card-amount" data-testid="card-amount">
            {format.number(amount)}
          </span>
        )}
        {p.responsibleName !== undefined && (
          <span className="card-responsible" data-user-text>
            {p.responsibleName}
          </span>
        )}
      </div>
      {p.nextTimer !== undefined && (
        <div className="card-timer" data-testid="card-timer">
          {p.nextTimer}
        </div>
      )}
      {p.error !== undefined && (
        <div className="card-error" role="alert" data-testid="card-error">
          {p.error}
        </div>
      )}
      {p.ask !== undefined && (
        <RequiredFieldsForm
          stageName={p.ask.stageName}
          fields={p.ask.fields}
          onSubmit={p.onAnswer}
          onCancel={p.onCancelAsk}
        />
      )}
      <details className="card-menu" ref={menu}>
        <summary data-testid="card-move-menu">{t('board.moveTo')}</summary>
        <ul className="card-menu-items">
          {p.stages
            .filter((s) => s.key !== p.record.stage)
            .map((s) => (
              <li key={s.key}>
                <button
                  type="button"
                  onClick={() => {
                    if (menu.current) menu.current.open = false;
                    p.onMove(s.key);
                  }}
                >
                  {s.name}
                </button>
              </li>
            ))}
        </ul>
      </details>
    </div>
  );
}
