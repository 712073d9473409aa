import { Command, CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE, type CliIo, type RegisterCommand } from './cli-io.js';
import { registerCompileCommand } from './commands/compile.js';
import { registerRecordsCommand } from './commands/records.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { registerStoreCommand } from './commands/store.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerWhoamiCommand } from './commands/whoami.js';

/** Every command of the CLI; a new command is a file in commands/ and a line here. */
const COMMANDS: readonly RegisterCommand[] = [
  registerValidateCommand,
  registerCompileCommand,
  registerSimulateCommand,
  registerStoreCommand,
  registerWhoamiCommand,
  registerRecordsCommand,
];

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

let exitCode = EXIT_OK;
const program = new Command('conveyor')
  .description('Conveyor: check, compile and simulate CRM automation models; recover a data folder')
  .exitOverride()
  .configureOutput({ writeOut: io.out, writeErr: io.err });
for (const register of COMMANDS) {
  register(program, { io, setExitCode: (code) => (exitCode = code) });
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Help and version exit 0; any other complaint of commander's is a usage error.
  exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
}
// Let stdout drain before exiting: a large rule set piped to a file must arrive whole.
process.stdout.write('', () => process.exit(exitCode));
