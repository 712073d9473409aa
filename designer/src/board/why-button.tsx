import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../schemas/index.js';
import { ApiError } from '../api/api-types.js';
import { useFormat } from '../i18n/use-format.js';
import type { BoardApi } from './board-types.js';
import { timeInZone } from './use-timeline-names.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Why didn't it run?" for one robot or trigger: the runtime's one-line answer. */
export function WhyButton({
  api,
  entity,
  recordId,
  kind,
  ruleId,
  zone,
}: {
  api: BoardApi;
  entity: EntityType;
  recordId: string;
  kind: 'robot' | 'trigger';
  /** The robot's or trigger's id in the model (the route takes `robot:<id>`). */
  ruleId: string;
  /** The calendar's zone: times in the answer read as the timers list shows them. */
  zone?: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // Times in the answer read in the calendar's zone (named), as the timers list shows them.
  const readable = (params: Readonly<Record<string, unknown>> | undefined) =>
    Object.fromEntries(
      Object.entries(params ?? {}).map(([k, v]) => [
        k,
        typeof v === 'string' && ISO_TIME.test(v) ? timeInZone(format, v, zone) : v,
      ]),
    );
  const [answer, setAnswer] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link-like"
        data-testid={`why-${ruleId}`}
        onClick={() =>
          api.why(entity, recordId, `${kind}:${ruleId}`).then(
            (w) =>
              setAnswer(
                i18n.exists(`why.${w.code}`)
                  ? t(`why.${w.code}`, { ...readable(w.params), rule: w.ruleName ?? ruleId })
                  : w.text,
              ),
            (e: unknown) =>
              setAnswer(
                // The route comes with the publish preview work; until then, say so.
                e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND'
                  ? t('board.whyUnavailable')
                  : e instanceof Error
                    ? e.message
                    : String(e),
              ),
          )
        }
      >
        {t('board.why')}
      </button>
      {answer !== null && (
        <span className="why-answer" role="status" data-testid={`why-answer-${ruleId}`}>
          {answer}
        </span>
      )}
    </>
  );
}
