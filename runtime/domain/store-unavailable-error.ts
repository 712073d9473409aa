/** The `code` of a system error (`ENOSPC`...), if it has one. */
const errorCode = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** What a failed write says to a client: the kind of trouble, never a path. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EIO: 'the disk reported an input/output error',
  EACCES: 'the data folder is not writable',
  EPERM: 'the data folder is not writable',
};

/**
 * A batch the store could not make durable (or refused because one before it failed).
 * Nothing of it is kept: the store rolled its change back in memory, so an error
 * answer means the write was refused and a success means it is stored. The HTTP layer
 * answers 503 `STORE_UNAVAILABLE`.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(cause: unknown, detail = 'the change could not be written to disk') {
    const code = errorCode(cause);
    const reason = code === undefined ? undefined : (REASONS[code] ?? code);
    super(
      `${detail}${reason === undefined ? '' : ` (${reason})`}; nothing of it was stored, try again later`,
    );
    this.name = 'StoreUnavailableError';
  }
}
