import type { Department, Queue, User } from '../../schemas/index.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { RuntimeCore } from './runtime-core.js';

export const DIRECTORY_KINDS = ['users', 'departments', 'queues'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
type Entry = User | Department | Queue;

/** Users, departments and queues of the installation. */
export class DirectoryService {
  constructor(private readonly core: RuntimeCore) {}

  all() {
    return this.core.directory();
  }

  async list(kind: DirectoryKind): Promise<Entry[]> {
    return this.core.store.list(kind);
  }

  async get(kind: DirectoryKind, key: string): Promise<Entry> {
    const e = await this.core.store.get(kind, key);
    if (e === undefined) throw notFound(`${kind} ${key}`);
    return e;
  }

  async create(kind: DirectoryKind, entry: Entry): Promise<Entry> {
    return this.core.change(async (tx) => {
      if ((await tx.get(kind, entry.key)) !== undefined) {
        throw new HttpError(409, 'CONFLICT', `${kind} ${entry.key} already exists`);
      }
      tx.put(kind, entry.key, entry as never);
      return entry;
    });
  }

  async replace(kind: DirectoryKind, key: string, entry: Entry): Promise<Entry> {
    if (entry.key !== key) {
      throw new HttpError(422, 'KEY_MISMATCH', `/key must equal the key in the path (${key})`);
    }
    return this.core.change(async (tx) => {
      tx.put(kind, key, entry as never);
      return entry;
    });
  }

  async remove(kind: DirectoryKind, key: string): Promise<void> {
    await this.core.change(async (tx) => {
      if ((await tx.get(kind, key)) === undefined) throw notFound(`${kind} ${key}`);
      tx.delete(kind, key);
    });
  }
}
