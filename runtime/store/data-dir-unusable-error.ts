import { errorCode } from './store-fs.js';

const WHY: Readonly<Record<string, string>> = {
  EROFS: 'it is on a read-only file system',
  EACCES: 'this process may not write there',
  EPERM: 'this process may not write there',
  ENOTDIR: 'it is missing and cannot be created: a part of its path is a file',
  ENOENT: 'it is missing and cannot be created',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an input/output error',
};

/** The file errors that mean the data folder itself cannot be used (not a bug). */
export function isDataDirFault(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && code in WHY;
}

/** The data folder cannot be opened for writing: said in one line, with what to do. */
export class DataDirUnusableError extends Error {
  constructor(dir: string, cause: unknown) {
    const code = errorCode(cause) ?? 'unknown error';
    super(
      `DATA_DIR ${dir} cannot be used: ${WHY[code] ?? 'it cannot be written'} (${code}). ` +
        `Point DATA_DIR at a writable folder (it is created if missing).`,
    );
    this.name = 'DataDirUnusableError';
  }
}
