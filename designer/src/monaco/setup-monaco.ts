import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

export const MODEL_SCHEMA_URI = 'https://conveyor.dev/schemas/model.schema.json';
export const MODEL_FILE_URI = 'inmemory://conveyor/model.json';

// The bundled Monaco, never the CDN: the designer must work offline.
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : new EditorWorker(),
};
loader.config({ monaco });

// JSON Schemas (the model's, the conditions') are registered in json-schemas.ts.

export { monaco };
