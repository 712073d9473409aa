/**
 * A data folder file that cannot be trusted: a journal line that is not a whole batch
 * (in the middle, not the torn last line of a crash), or a slice that is not a JSON
 * object of documents. The store refuses to open and changes nothing, so the evidence
 * stays as found; `conveyor store recover` keeps a copy and recovers what is whole.
 */
export class DataDirDamagedError extends Error {
  constructor(
    readonly dir: string,
    /** The damaged file, relative to the data folder (`journal.log`, `records/17.json`). */
    readonly file: string,
    /** Where in it: `line 3 (byte 1234)` or `byte 88`. */
    readonly where: string,
    readonly reason: string,
  ) {
    super(
      `DATA_DIR ${dir} is damaged: ${file} ${where}: ${reason}. Nothing was changed. ` +
        `To keep a copy of the damaged files and recover up to the last good batch, run: ` +
        `npm run conveyor -- store recover --data-dir ${dir}`,
    );
    this.name = 'DataDirDamagedError';
  }
}
