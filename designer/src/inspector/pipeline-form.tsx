import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, type EntityType, type Pipeline } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { useEditor } from '../editor/editor-context.js';
import { pipelineNodeId } from '../editor/node-ids.js';
import { NameField } from './name-field.js';
import { useConfirm } from '../dialogs/confirm-context.js';

/** A pipeline lane: name, record type (lead, deal, contact, company) and deletion. */
export function PipelineForm({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const { dispatch, select } = useEditor();
  const confirm = useConfirm();
  return (
    <div className="form" data-testid="pipeline-form">
      <h3>
        {t('inspector.pipeline')}: {pipeline.name}
      </h3>
      <p className="muted">
        <code>{pipeline.key}</code>
      </p>
      <NameField
        label={t('inspector.name')}
        value={pipeline.name}
        testId="pipeline-name"
        onChange={(name) => dispatch({ type: 'renamePipeline', pipeline: pipeline.key, name })}
      />
      <SelectField
        label={t('inspector.entity')}
        value={pipeline.entity}
        testId="pipeline-entity"
        options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
        onChange={(e) =>
          e &&
          dispatch({ type: 'setPipelineEntity', pipeline: pipeline.key, entity: e as EntityType })
        }
      />
      <button
        type="button"
        className="danger"
        data-testid="pipeline-delete"
        onClick={() =>
          confirm({
            title: t('dialog.removePipeline', { name: pipeline.name }),
            message: t('inspector.confirmRemovePipeline', { name: pipeline.name }),
            confirmLabel: t('dialog.remove'),
            done: {
              message: t('dialog.removed', { name: pipeline.name }),
              undo: () => dispatch({ type: 'undo' }),
            },
            run: () => {
              dispatch({ type: 'removeNodes', nodeIds: [pipelineNodeId(pipeline.key)] });
              select(null);
            },
          })
        }
      >
        {t('inspector.delete')}
      </button>
    </div>
  );
}
