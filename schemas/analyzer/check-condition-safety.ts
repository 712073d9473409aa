import type { Diagnostic } from '../diagnostics.js';
import { checkLogic } from '../logic/check-logic.js';
import type { Check } from './diagnostic.js';
import { forEachLogic } from './walk-logic.js';

/** Every JSON-Logic expression uses only allow-listed operations and safe paths. */
export const checkConditionSafety: Check = (model) => {
  const out: Diagnostic[] = [];
  forEachLogic(model, (site) =>
    out.push(...checkLogic(site.logic, { path: site.path, nodeId: site.nodeId })),
  );
  return out;
};
