import { Type, type Static } from '@sinclair/typebox';
import { SimulationScenario } from '../simulation/simulation-scenario.js';

/**
 * A simulation scenario kept with the model (the designer's simulation panel), so it can
 * be rerun after edits. It always runs against the model it is stored in, so it names no
 * model of its own. The compiler and the version diff ignore it, as they do the layout.
 */
export const SavedSimulation = Type.Composite(
  [
    Type.Omit(SimulationScenario, ['name', 'model', 'modelId', 'version']),
    Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
  ],
  { additionalProperties: false },
);
export type SavedSimulation = Static<typeof SavedSimulation>;
