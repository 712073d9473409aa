import type { Command } from 'commander';

/** Where a command writes: the real streams in main, the same in tests (spawned). */
export interface CliIo {
  /** Writes to standard output; `text` carries its own newlines. */
  out(text: string): void;
  /** Writes to standard error; `text` carries its own newlines. */
  err(text: string): void;
}

/** What a command module gets: output streams and a way to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Only main calls process.exit; commands report their code here. */
  setExitCode(code: number): void;
}

/** Each command file exports one of these; main registers them in a list. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export const EXIT_OK = 0;
/** The model has errors. */
export const EXIT_INVALID = 1;
/** The input could not be read or parsed, or the command line was wrong. */
export const EXIT_USAGE = 2;
