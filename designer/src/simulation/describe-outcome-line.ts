import type { TFunction } from 'i18next';
import { formatMinute } from './describe-entry.js';
import type { OutcomeLine } from './outcome-diff.js';

/**
 * An outcome line in the UI language: `+15 min d1 robot:x: fired`, `notification ivanov: …`,
 * `d1 ends in “won”`. Lines without a kind (kept by an older designer) show their text.
 *
 * @example describeOutcomeLine(line, t) // '+15 мин d1 robot:remind: сработал'
 */
export function describeOutcomeLine(line: OutcomeLine, t: TFunction): string {
  const at = Number.isFinite(line.minute) ? `${formatMinute(line.minute, t)} ` : '';
  const subject = line.subject ?? '';
  switch (line.kind) {
    case 'rule':
      return `${at}${subject}: ${t(`simulation.outcome.${line.detail ?? ''}`, { defaultValue: line.detail ?? '' })}`;
    case 'cancelled':
      return `${at}${subject}: ${t('simulation.outcomeLine.cancelled')}`;
    case 'notification':
    case 'task':
    case 'outbox':
      return `${at}${t(`simulation.outcomeLine.${line.kind}`)} ${subject}`;
    case 'final':
      return t('simulation.outcomeLine.final', { ref: subject, stage: line.detail ?? '' });
    default:
      return `${at}${line.text}`;
  }
}
