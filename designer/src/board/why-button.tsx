import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../schemas/index.js';
import { ApiError } from '../api/api-types.js';
import type { BoardApi } from './board-types.js';

/** "Why didn't it run?" for one robot or trigger: the runtime's one-line answer. */
export function WhyButton({
  api,
  entity,
  recordId,
  kind,
  ruleId,
}: {
  api: BoardApi;
  entity: EntityType;
  recordId: string;
  kind: 'robot' | 'trigger';
  /** The robot's or trigger's id in the model (the route takes `robot:<id>`). */
  ruleId: string;
}) {
  const { t, i18n } = useTranslation();
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
                  ? t(`why.${w.code}`, { ...w.params, rule: w.ruleName ?? ruleId })
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
