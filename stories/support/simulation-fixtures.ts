import { Value } from '@sinclair/typebox/value';
import type { AutomationModel } from '../../schemas/index.js';
import { SimulationResult } from '../../schemas/simulation/index.js';
import reactionTimeJson from '../../examples/reaction-time-control/model.json';
import messageTemplatesJson from '../../examples/message-templates/model.json';
import nobodyReactsScript from '../../examples/reaction-time-control/simulations/nobody-reacts.json';
import takenAt10Script from '../../examples/reaction-time-control/simulations/taken-at-10-minutes.json';
import nobodyReactsJson from './fixtures/reaction-time-nobody-reacts.simulation.json';
import takenAt10Json from './fixtures/reaction-time-taken-at-10-minutes.simulation.json';
import invoiceJson from './fixtures/message-templates-invoice-to-feedback.simulation.json';
import contractJson from './fixtures/document-flow-contract-to-act.simulation.json';
import { exampleModel } from './fixtures.js';

/**
 * A result recorded with `npm run conveyor -- simulate <model> --scenario <file> --json`,
 * checked against the result schema so a stale fixture fails loudly (re-record it then).
 */
function recorded(json: unknown, file: string): SimulationResult {
  const problem = Value.Errors(SimulationResult, json).First();
  if (problem)
    throw new Error(`stories/support/fixtures/${file} ${problem.path}: ${problem.message}`);
  return json as SimulationResult;
}

/** Scenario 4: reaction time control (a deal must be taken within 30 minutes). */
export const REACTION_TIME = exampleModel(reactionTimeJson, 'reaction-time-control');
export const MESSAGE_TEMPLATES = exampleModel(messageTemplatesJson, 'message-templates');

/** Scenario 4, nobody takes the deal: notifications at 0, 15, 25 and 30 minutes. */
export const NOBODY_REACTS = recorded(
  nobodyReactsJson,
  'reaction-time-nobody-reacts.simulation.json',
);
/** Scenario 4, the deal is taken at 10 minutes: the later robots do not fire. */
export const TAKEN_AT_10_MINUTES = recorded(
  takenAt10Json,
  'reaction-time-taken-at-10-minutes.simulation.json',
);
/** Emails and a messenger message with their placeholders filled. */
export const INVOICE_TO_FEEDBACK = recorded(
  invoiceJson,
  'message-templates-invoice-to-feedback.simulation.json',
);
/** Documents, emails, tasks and notifications across four pipelines. */
export const CONTRACT_TO_ACT = recorded(
  contractJson,
  'document-flow-contract-to-act.simulation.json',
);

/** Scenario 4 with both of its example scripts saved, as the simulation panel lists them. */
export const REACTION_TIME_WITH_SCRIPTS: AutomationModel = exampleModel(
  { ...reactionTimeJson, simulations: [nobodyReactsScript, takenAt10Script] },
  'reaction-time-control (with its simulations saved)',
);
