import type { Diagnostic } from '../diagnostics.js';
import type { AutomationModel } from '../model/model.js';
import type { Directory } from '../model/directory.js';
import { validateModelSchema } from '../validation/validate-model.js';
import { buildContext } from './analysis-context.js';
import { checkAnchorFields } from './check-anchor-fields.js';
import { checkAssignmentTables } from './check-assignment-table.js';
import { checkConditionSafety } from './check-condition-safety.js';
import { checkConditionTypes } from './check-condition-types.js';
import { checkCycles } from './check-cycles.js';
import { checkDirectoryReferences } from './check-directory-references.js';
import { checkDuplicateControl } from './check-duplicate-control.js';
import { checkDuplicates } from './check-duplicates.js';
import { checkEmptyTexts } from './check-empty-texts.js';
import { checkFieldReferences } from './check-field-references.js';
import { checkFieldWrites } from './check-field-writes.js';
import { checkPipelineSize } from './check-pipeline-size.js';
import { checkPlaceholders } from './check-placeholders.js';
import { checkPrivateUrls } from './check-private-urls.js';
import { checkReferences } from './check-references.js';
import { checkUnreachable } from './check-unreachable.js';
import { sortDiagnostics, type Check } from './diagnostic.js';

export interface AnalyzeOptions {
  /** The runtime's directory; references may point to it as well as to the model's own. */
  readonly directory?: Directory;
}

/** Semantic checks, run once the document has the model's shape. Codes: README.md. */
export const CHECKS: readonly Check[] = [
  checkConditionSafety,
  checkDuplicates,
  checkReferences,
  checkDirectoryReferences,
  checkFieldReferences,
  checkConditionTypes,
  checkPlaceholders,
  checkCycles,
  checkUnreachable,
  checkPipelineSize,
  checkAnchorFields,
  checkFieldWrites,
  checkAssignmentTables,
  checkDuplicateControl,
  checkEmptyTexts,
  checkPrivateUrls,
];

/**
 * Checks a model document before it goes live: schema first (exact JSON Pointers;
 * nothing else runs on a document of the wrong shape), then the semantic checks.
 * Pure; returns diagnostics sorted by path, then code.
 *
 * @example analyzeModel(JSON.parse(text), { directory }).filter((d) => d.severity === 'error')
 */
export function analyzeModel(doc: unknown, options: AnalyzeOptions = {}): Diagnostic[] {
  const schema = validateModelSchema(doc);
  if (schema.length > 0) return sortDiagnostics(schema);
  const model = doc as AutomationModel;
  const ctx = buildContext(model, options.directory);
  return sortDiagnostics(CHECKS.flatMap((check) => check(model, ctx)));
}
