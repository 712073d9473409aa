import { useTranslation } from 'react-i18next';
import type { AutomationModel } from '../../../schemas/index.js';
import type { SimulationTimelineEntry } from '../../../schemas/simulation/index.js';
import { useFormat } from '../i18n/use-format.js';
import { describeEntry, formatMinute } from './describe-entry.js';
import { nodeLabel } from '../versions/node-label.js';

/** Kinds worth a line: steps, rules, cancellations, loop stops (actions are shown as outputs). */
const VISIBLE = new Set(['step', 'rule', 'timer_cancelled', 'loop_stopped']);

export function visibleEntries(timeline: readonly SimulationTimelineEntry[]): number[] {
  return timeline.flatMap((e, i) => (VISIBLE.has(e.kind) ? [i] : []));
}

/** The run as a timeline of virtual times; picking a line moves the canvas marks there. */
export function SimTimeline(p: {
  timeline: readonly SimulationTimelineEntry[];
  model: AutomationModel;
  cursor: number;
  onCursor(i: number): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const shown = visibleEntries(p.timeline);
  const pos = shown.indexOf(p.cursor);
  return (
    <div className="sim-timeline">
      <div className="panel-actions">
        <button
          type="button"
          disabled={pos <= 0}
          onClick={() => p.onCursor(shown[pos - 1] ?? 0)}
          data-testid="sim-prev"
        >
          {t('simulation.prev')}
        </button>
        <button
          type="button"
          disabled={pos >= shown.length - 1}
          onClick={() => p.onCursor(shown[pos + 1] ?? p.cursor)}
          data-testid="sim-next"
        >
          {t('simulation.next')}
        </button>
      </div>
      <ol className="sim-entries" data-testid="sim-timeline">
        {shown.map((i) => {
          const e = p.timeline[i];
          if (!e) return null;
          const status = e.kind === 'timer_cancelled' ? 'cancelled' : (e.outcome ?? '');
          return (
            <li key={i} className={`sim-entry sim-${status}${i === p.cursor ? ' current' : ''}`}>
              <button
                type="button"
                className="link-button"
                aria-current={i === p.cursor ? 'step' : undefined}
                onClick={() => p.onCursor(i)}
                data-testid={`sim-entry-${i}`}
              >
                <span className="sim-time">{formatMinute(e.minute, t)}</span>{' '}
                <span className="sim-ref-tag">{e.ref}</span>{' '}
                {e.nodeId && nodeLabel(p.model, e.nodeId) && (
                  <span className="sim-node-name" data-user-text>
                    {nodeLabel(p.model, e.nodeId)}{' '}
                  </span>
                )}
                {e.nodeId && <code>{e.nodeId}</code>}{' '}
                <span className="sim-reason">{describeEntry(e, p.model, t, f)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
