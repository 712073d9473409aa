import jsonLogic from 'json-logic-js';
import { CUSTOM_OPERATIONS } from '../../../schemas/index.js';

/**
 * json-logic-js with Conveyor's custom operations registered: the reference that
 * defines what a condition means (tests and benchmarks compare against it).
 * Registering is idempotent; json-logic-js keeps one global operation table.
 */
export function referenceJsonLogic(): typeof jsonLogic {
  for (const [name, fn] of Object.entries(CUSTOM_OPERATIONS)) jsonLogic.add_operation(name, fn);
  return jsonLogic;
}
