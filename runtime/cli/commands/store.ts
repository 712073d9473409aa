import { resolve } from 'node:path';
import { DataDirDamagedError } from '../../store/data-dir-damaged-error.js';
import { DataDirUnusableError } from '../../store/data-dir-unusable-error.js';
import { DataDirLockedError } from '../../store/lock-data-dir.js';
import { recoverDataDir, type RecoveryReport } from '../../store/recover-data-dir.js';
import { EXIT_OK, EXIT_USAGE, type CliIo, type RegisterCommand } from '../cli-io.js';
import { copyCommand } from './store-copy.js';

const plural = (n: number, one: string, many = `${one}es`): string =>
  `${n} ${n === 1 ? one : many}`;

/** What the recovery did, one line per damaged file. */
export function formatRecovery(dir: string, r: RecoveryReport): string {
  if (r.backup === undefined)
    return `store recover: ${dir} has no damaged files; nothing changed\n`;
  const lines = [`store recover: ${dir}`];
  if (r.journal !== undefined) {
    const j = r.journal;
    lines.push(
      `  journal.log line ${j.line} (byte ${j.offset}): ${j.reason}: kept ${plural(j.kept, 'batch')}, dropped ${plural(j.dropped, 'batch')}`,
    );
  }
  for (const s of r.slices) {
    const where = s.offset === undefined ? '' : ` at byte ${s.offset}`;
    lines.push(
      `  ${s.file}${where}: ${s.reason}: kept ${plural(s.kept, 'document', 'documents')}; the others are lost unless a kept batch writes them again`,
    );
  }
  lines.push(`  copies of the damaged files as found: ${r.backup}`);
  lines.push('recovered: the data folder opens again');
  return `${lines.join('\n')}\n`;
}

/** Runs `store recover`; returns the exit code (0 recovered or nothing to do, 2 cannot). */
export async function recoverCommand(dataDir: string, io: CliIo): Promise<number> {
  const dir = resolve(dataDir);
  try {
    io.out(formatRecovery(dir, await recoverDataDir(dir, { log: (l) => io.err(`${l}\n`) })));
    return EXIT_OK;
  } catch (e) {
    const known =
      e instanceof DataDirLockedError ||
      e instanceof DataDirUnusableError ||
      e instanceof DataDirDamagedError;
    if (!known) throw e;
    io.err(`conveyor: ${e.message}\n`);
    return EXIT_USAGE;
  }
}

export const registerStoreCommand: RegisterCommand = (program, ctx) => {
  const store = program
    .command('store')
    .description('maintain the embedded store (DATA_DIR); copy between it and PostgreSQL');
  store
    .command('recover')
    .description(
      'keep a copy of damaged data files, then recover up to the last good batch (the server must be stopped)',
    )
    .requiredOption('--data-dir <dir>', 'the data folder (DATA_DIR)')
    .action(async (options: { dataDir: string }) => {
      ctx.setExitCode(await recoverCommand(options.dataDir, ctx.io));
    });
  store
    .command('copy')
    .description(
      'copy every collection from a data folder or a postgres:// database into an empty one, counts checked (servers stopped)',
    )
    .requiredOption('--from <where>', 'a data folder (DATA_DIR) or a postgres:// URL')
    .requiredOption('--to <where>', 'a data folder (DATA_DIR) or a postgres:// URL')
    .option('--schema <name>', 'the PostgreSQL schema (default DATABASE_SCHEMA or conveyor)')
    .action(async (options: { from: string; to: string; schema?: string }) => {
      const schema = options.schema ?? process.env.DATABASE_SCHEMA;
      ctx.setExitCode(
        await copyCommand(
          { from: options.from, to: options.to, ...(schema ? { schema } : {}) },
          ctx.io,
        ),
      );
    });
};
