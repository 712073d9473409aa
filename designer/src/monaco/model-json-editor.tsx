import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { validateModelSchema, type AutomationModel } from '../../../schemas/index.js';
import { JsonCodeEditor } from './json-code-editor.js';
import { MODEL_FILE_URI } from './setup-monaco.js';

/**
 * The whole model as JSON, validated against the JSON Schema as you type; valid
 * edits replace the model (one undoable step), invalid ones are flagged only.
 */
export function ModelJsonEditor({
  model,
  onApply,
}: {
  model: AutomationModel;
  onApply: (m: AutomationModel) => void;
}) {
  const { t } = useTranslation();
  const value = useMemo(() => JSON.stringify(model, null, 2), [model]);
  return (
    <JsonCodeEditor
      value={value}
      height="100%"
      path={MODEL_FILE_URI}
      testId="model-json-editor"
      invalidMessage={t('json.notJson')}
      validMessage={t('json.valid')}
      validate={(text) => {
        const doc = JSON.parse(text) as unknown;
        const problems = validateModelSchema(doc);
        if (problems.length > 0)
          return `${t('json.invalid', { count: problems.length })} ${problems[0]?.path} ${problems[0]?.message}`;
        if ((doc as AutomationModel).id !== model.id)
          return `${t('json.invalid', { count: 1 })} /id`;
        return null;
      }}
      onValidChange={(text) => onApply(JSON.parse(text) as AutomationModel)}
    />
  );
}
