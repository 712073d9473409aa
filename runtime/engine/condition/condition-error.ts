import type { Diagnostic } from '../../../schemas/index.js';

/**
 * Thrown by `prepareCondition` when `checkLogic` refuses a rule. Publishing already
 * refuses such rules, so reaching this is a bug in the caller; the diagnostics say why.
 */
export class ConditionError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(
      `condition refused: ${diagnostics.map((d) => `${d.code} at ${d.path}: ${d.message}`).join('; ')}`,
    );
    this.name = 'ConditionError';
    this.diagnostics = diagnostics;
  }
}
