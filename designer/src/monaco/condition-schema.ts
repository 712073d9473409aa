import { ALLOWED_OPERATIONS } from '../../../schemas/index.js';
import type { ConditionField } from '../condition/condition-fields.js';

/** A JSON Schema document, as Monaco's JSON language service reads it. */
export type JsonSchemaDocument = Readonly<Record<string, unknown>>;

/**
 * JSON Schema for a JSON-Logic condition on one entity, for Monaco's completion and
 * squiggles: operator names come from the runtime's allow-list (so the editor never
 * proposes one the runtime refuses) and `var` proposes the entity's fields by key,
 * labelled in the UI language. The analyzer stays the judge; this is guidance.
 *
 * @example conditionSchema([{ key: 'amount', type: 'number', label: 'Amount' }])
 */
export function conditionSchema(fields: readonly ConditionField[]): JsonSchemaDocument {
  const logic = { $ref: '#/definitions/logic' };
  const operations = [...ALLOWED_OPERATIONS].filter((op) => op !== 'var').sort();
  const fieldKey = {
    enum: [...fields.map((f) => f.key), '$now'],
    enumDescriptions: [...fields.map((f) => `${f.label} (${f.type})`), 'Current time'],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'JSON-Logic condition',
    definitions: {
      logic: {
        anyOf: [
          { type: ['string', 'number', 'boolean', 'null'] },
          { type: 'array', items: logic },
          { $ref: '#/definitions/var' },
          { $ref: '#/definitions/operation' },
        ],
      },
      var: {
        type: 'object',
        required: ['var'],
        additionalProperties: false,
        properties: {
          var: {
            description: 'A field of the record',
            // Other paths (links, context) are allowed: the analyzer checks them.
            anyOf: [fieldKey, { type: 'string' }, { type: 'array' }],
          },
        },
      },
      operation: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        properties: Object.fromEntries(operations.map((op) => [op, logic])),
        additionalProperties: false,
      },
    },
    $ref: '#/definitions/logic',
  };
}
