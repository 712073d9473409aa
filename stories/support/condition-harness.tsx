import { useState } from 'react';
import type { EntityType } from '../../schemas/index.js';
import { ConditionEditor } from '../../designer/src/condition/condition-editor.js';

/**
 * The condition editor holding its own value, as a form does, with the JSON-Logic it
 * produces printed underneath (what play functions and readers check).
 */
export function ConditionHarness({
  initial,
  entity = 'deal',
  onChange,
}: {
  initial?: unknown;
  entity?: EntityType;
  onChange?: (logic: unknown) => void;
}) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <div style={{ maxWidth: 420 }}>
      <ConditionEditor
        value={value}
        entity={entity}
        onChange={(logic) => {
          setValue(logic);
          onChange?.(logic);
        }}
      />
      <pre
        className="muted"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="condition-json"
      >
        {value === undefined ? '(always)' : JSON.stringify(value)}
      </pre>
    </div>
  );
}
