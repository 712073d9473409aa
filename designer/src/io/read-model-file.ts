import {
  validateModelSchema,
  type AutomationModel,
  type Diagnostic,
} from '../../../schemas/index.js';

export type ReadModelResult =
  { ok: true; model: AutomationModel } | { ok: false; notJson?: string; diagnostics: Diagnostic[] };

/**
 * Parses and schema-checks an imported file's text; nothing is applied when it fails.
 *
 * @example readModelText('{"nope": 1}') // { ok: false, diagnostics: [...] }
 */
export function readModelText(text: string): ReadModelResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, notJson: e instanceof Error ? e.message : String(e), diagnostics: [] };
  }
  const diagnostics = validateModelSchema(doc);
  return diagnostics.length > 0
    ? { ok: false, diagnostics }
    : { ok: true, model: doc as AutomationModel };
}
