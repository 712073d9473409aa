import { useEffect, useId } from 'react';
import type { EntityType } from '../../../schemas/index.js';
import type { ConditionField } from '../condition/condition-fields.js';
import { JsonCodeEditor } from './json-code-editor.js';
import { conditionSchema } from './condition-schema.js';
import { registerJsonSchema } from './json-schemas.js';

/**
 * A JSON-Logic condition in Monaco with completion of operators and the entity's
 * fields: each editor gets its own file under `conditions/<entity>/`, which the
 * entity's condition schema matches.
 */
export function ConditionCodeEditor(props: {
  value: string;
  entity: EntityType;
  fields: readonly ConditionField[];
  onValidChange: (text: string) => void;
  invalidMessage: string;
  height: number;
}) {
  const { entity, fields } = props;
  const id = useId().replace(/[^\w-]/g, '');
  useEffect(() => {
    registerJsonSchema(
      `https://conveyor.dev/schemas/condition-${entity}.schema.json`,
      [`conditions/${entity}/*.json`],
      conditionSchema(fields),
    );
  }, [entity, fields]);
  return (
    <JsonCodeEditor
      value={props.value}
      height={props.height}
      path={`inmemory://conveyor/conditions/${entity}/${id || 'c'}.json`}
      onValidChange={props.onValidChange}
      invalidMessage={props.invalidMessage}
    />
  );
}
