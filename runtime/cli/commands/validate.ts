import { analyzeModel, hasErrors } from '../../../schemas/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo, type RegisterCommand } from '../cli-io.js';
import { formatReport } from '../format-diagnostics.js';
import { readJsonFile } from '../read-json-file.js';

/**
 * Analyzes a model file and prints its diagnostics and a summary on stdout.
 * Returns the exit code: 0 no errors (warnings allowed), 1 errors, 2 unreadable.
 */
export async function validateFile(file: string, io: CliIo): Promise<number> {
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.err(`conveyor: ${read.message}\n`);
    return EXIT_USAGE;
  }
  const diagnostics = analyzeModel(read.value);
  io.out(formatReport(file, diagnostics));
  return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
}

export const registerValidateCommand: RegisterCommand = (program, ctx) => {
  program
    .command('validate')
    .description('check a model: schema, references, conditions, cycles, templates')
    .argument('<model>', 'model JSON file')
    .action(async (file: string) => {
      ctx.setExitCode(await validateFile(file, ctx.io));
    });
};
