import { monaco, MODEL_FILE_URI, MODEL_SCHEMA_URI } from './setup-monaco.js';
import type { JsonSchemaDocument } from './condition-schema.js';
import modelSchema from '../../../schemas/generated/model.schema.json';

// The model editor validates against the same JSON Schema the runtime uses.
// Monaco takes the whole list of schemas at once, so every editor's schema is kept here.
const registered = new Map<string, { fileMatch: string[]; schema: JsonSchemaDocument }>([
  [MODEL_SCHEMA_URI, { fileMatch: [MODEL_FILE_URI], schema: modelSchema }],
]);

function apply(): void {
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    enableSchemaRequest: false,
    // Monaco's default shows schema violations as warnings; they block applying, so say so.
    schemaValidation: 'error',
    schemas: [...registered].map(([uri, s]) => ({ uri, ...s })),
  });
}

/**
 * Registers (or replaces) the schema Monaco uses for files matching `fileMatch`,
 * e.g. the JSON-Logic schema of one entity for the condition editors.
 */
export function registerJsonSchema(
  uri: string,
  fileMatch: readonly string[],
  schema: JsonSchemaDocument,
): void {
  const previous = registered.get(uri);
  if (previous && JSON.stringify(previous.schema) === JSON.stringify(schema)) return;
  registered.set(uri, { fileMatch: [...fileMatch], schema });
  apply();
}

apply();
