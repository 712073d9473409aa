import { writeFile } from 'node:fs/promises';
import {
  analyzeModel,
  compileModel,
  hasErrors,
  stringifyRuleSet,
  type AutomationModel,
} from '../../../schemas/index.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo, type RegisterCommand } from '../cli-io.js';
import { formatReport } from '../format-diagnostics.js';
import { readJsonFile } from '../read-json-file.js';

export interface CompileOptions {
  /** File to write the rule set to; stdout when absent. */
  readonly output?: string;
}

/**
 * Analyzes a model file and, when it has no errors, writes its compiled rule set.
 * Diagnostics go to stderr (stdout is the rule set). Returns the exit code:
 * 0 written, 1 the model has errors, 2 unreadable input or unwritable output.
 */
export async function compileFile(
  file: string,
  options: CompileOptions,
  io: CliIo,
): Promise<number> {
  const read = await readJsonFile(file);
  if (!read.ok) {
    io.err(`conveyor: ${read.message}\n`);
    return EXIT_USAGE;
  }
  const diagnostics = analyzeModel(read.value);
  if (diagnostics.length > 0) io.err(formatReport(file, diagnostics));
  if (hasErrors(diagnostics)) return EXIT_INVALID;
  const text = stringifyRuleSet(compileModel(read.value as AutomationModel));
  if (options.output === undefined) {
    io.out(text);
    return EXIT_OK;
  }
  try {
    await writeFile(options.output, text, 'utf8');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.err(`conveyor: cannot write ${options.output}: ${why}\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

export const registerCompileCommand: RegisterCommand = (program, ctx) => {
  program
    .command('compile')
    .description('validate a model, then print or write its rule set (keys sorted)')
    .argument('<model>', 'model JSON file')
    .option('-o, --output <file>', 'write the rule set to this file instead of stdout')
    .action(async (file: string, options: CompileOptions) => {
      ctx.setExitCode(await compileFile(file, options, ctx.io));
    });
};
