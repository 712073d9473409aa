import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { conditionFields } from './condition-fields-with-stage.js';
import { logicToTree, treeToLogic } from './condition-tree.js';
import { ConditionBuilder } from './condition-builder.js';

const ConditionCodeEditor = lazy(() =>
  import('../monaco/condition-code-editor.js').then((m) => ({ default: m.ConditionCodeEditor })),
);

/**
 * A condition as a builder and as JSON-Logic code. Both read the same value from the
 * model, so they are always in sync; what the builder cannot show stays as code.
 */
export function ConditionEditor({
  value,
  entity,
  onChange,
  testId,
}: {
  value: unknown;
  entity: EntityType;
  onChange: (logic: unknown) => void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { model } = useEditor();
  const [view, setView] = useState<'builder' | 'code'>('builder');
  const fields = useMemo(
    () => conditionFields(model, entity, i18n.language),
    [model, entity, i18n.language],
  );
  const tree = useMemo(
    () => logicToTree(value, (key) => fields.find((f) => f.key === key)?.type),
    [value, fields],
  );
  return (
    <div className="condition-editor" data-testid={testId}>
      <div className="tabs">
        <button
          type="button"
          className={view === 'builder' ? 'active' : ''}
          onClick={() => setView('builder')}
        >
          {t('condition.builder')}
        </button>
        <button
          type="button"
          className={view === 'code' ? 'active' : ''}
          data-testid="condition-code-tab"
          onClick={() => setView('code')}
        >
          {t('condition.code')}
        </button>
      </div>
      {view === 'builder' ? (
        <ConditionBuilder group={tree} fields={fields} onChange={(g) => onChange(treeToLogic(g))} />
      ) : (
        <Suspense fallback={<div className="muted">{t('app.loading')}</div>}>
          <ConditionCodeEditor
            value={value === undefined ? '' : JSON.stringify(value, null, 2)}
            entity={entity}
            fields={fields}
            height={160}
            onValidChange={(text) =>
              onChange(text.trim() === '' ? undefined : (JSON.parse(text) as unknown))
            }
            invalidMessage={t('condition.invalidJson')}
          />
        </Suspense>
      )}
    </div>
  );
}
