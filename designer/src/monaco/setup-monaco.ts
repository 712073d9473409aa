import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import modelSchema from '../../../schemas/generated/model.schema.json';

export const MODEL_SCHEMA_URI = 'https://conveyor.dev/schemas/model.schema.json';
export const MODEL_FILE_URI = 'inmemory://conveyor/model.json';

// The bundled Monaco, never the CDN: the designer must work offline.
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};
loader.config({ monaco });

// The model editor validates against the same JSON Schema the runtime uses.
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  enableSchemaRequest: false,
  schemas: [{ uri: MODEL_SCHEMA_URI, fileMatch: [MODEL_FILE_URI], schema: modelSchema }],
});

export { monaco };
