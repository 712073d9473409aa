import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../schemas/index.js';
import { useEditor } from '../editor/editor-context.js';
import { pipelineNodeId } from '../editor/node-ids.js';
import { NameField } from './name-field.js';

/** A pipeline lane: name and deletion. */
export function PipelineForm({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const { dispatch, select } = useEditor();
  return (
    <div className="form" data-testid="pipeline-form">
      <h3>
        {t('inspector.pipeline')}: {pipeline.name}
      </h3>
      <p className="muted">
        {t(`entity.${pipeline.entity}`)} · <code>{pipeline.key}</code>
      </p>
      <NameField
        label={t('inspector.name')}
        value={pipeline.name}
        testId="pipeline-name"
        onChange={(name) => dispatch({ type: 'renamePipeline', pipeline: pipeline.key, name })}
      />
      <button
        type="button"
        className="danger"
        onClick={() => {
          if (!window.confirm(t('inspector.confirmRemovePipeline', { name: pipeline.name })))
            return;
          dispatch({ type: 'removeNodes', nodeIds: [pipelineNodeId(pipeline.key)] });
          select(null);
        }}
      >
        {t('inspector.delete')}
      </button>
    </div>
  );
}
