import {
  validateSimulationSchema,
  type AutomationModel,
  type SimulationScenario,
} from '../../../schemas/index.js';
import { HttpError } from '../../http/http-error.js';
import { formatSimulation } from '../../simulation/format-simulation.js';
import { runSimulation } from '../../simulation/run-simulation.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo, type RegisterCommand } from '../cli-io.js';
import { readJsonFile } from '../read-json-file.js';

function problems(where: string, list: ReadonlyArray<{ message: string }>): string {
  return list.map((d) => `conveyor: ${where}: ${d.message}\n`).join('');
}

/**
 * Simulates a scenario file against a model file and prints the timeline (text, or
 * the JSON answer of `POST /api/simulate` with `json`). Returns the exit code: 0 all
 * expectations met, 1 some not met or model errors, 2 unreadable or malformed input.
 */
export async function simulateFiles(
  modelFile: string | undefined,
  scenarioFile: string,
  options: { json: boolean },
  io: CliIo,
): Promise<number> {
  const read = await readJsonFile(scenarioFile);
  if (!read.ok) {
    io.err(`conveyor: ${read.message}\n`);
    return EXIT_USAGE;
  }
  const shape = validateSimulationSchema(read.value);
  if (shape.length > 0) {
    io.err(problems(scenarioFile, shape));
    return EXIT_USAGE;
  }
  const scenario = read.value as SimulationScenario;
  if (scenario.modelId !== undefined) {
    io.err(`conveyor: ${scenarioFile}: /modelId needs a runtime; give the model file instead\n`);
    return EXIT_USAGE;
  }
  let model: unknown = scenario.model;
  if (modelFile !== undefined) {
    const m = await readJsonFile(modelFile);
    if (!m.ok) {
      io.err(`conveyor: ${m.message}\n`);
      return EXIT_USAGE;
    }
    model = m.value;
  }
  if (model === undefined) {
    io.err(`conveyor: no model: give <model.json> or put "model" in ${scenarioFile}\n`);
    return EXIT_USAGE;
  }
  try {
    const result = await runSimulation({ scenario, model });
    io.out(
      options.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : formatSimulation(result, model as AutomationModel),
    );
    return result.passed ? EXIT_OK : EXIT_INVALID;
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    const where =
      e.code === 'INVALID_MODEL' || e.code === 'ANALYZER_ERRORS'
        ? (modelFile ?? scenarioFile)
        : scenarioFile;
    io.err(`conveyor: ${where}: ${e.message}\n`);
    if (e.diagnostics !== undefined && e.code === 'ANALYZER_ERRORS')
      io.err(
        problems(
          where,
          e.diagnostics.filter((d) => d.severity === 'error'),
        ),
      );
    return e.status === 400 ? EXIT_USAGE : EXIT_INVALID;
  }
}

export const registerSimulateCommand: RegisterCommand = (program, ctx) => {
  program
    .command('simulate')
    .description('run a scenario on a virtual clock and print the timeline and expectations')
    .argument('[model]', 'model JSON file (default: the scenario\'s "model")')
    .requiredOption('-s, --scenario <file>', 'scenario JSON file')
    .option('--json', 'print the whole result as JSON', false)
    .action(async (file: string | undefined, opts: { scenario: string; json: boolean }) => {
      ctx.setExitCode(await simulateFiles(file, opts.scenario, { json: opts.json }, ctx.io));
    });
};
